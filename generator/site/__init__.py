"""The methodology site (build/vietne/): sources rendered from the catalogue, then built by mkdocs.

Flow: ``sources.render_sources`` writes a complete mkdocs ``docs`` folder into a temporary directory
(the methodology pages of catalogue/metodika/ rendered as Jinja2 templates, the generated catalogue,
price, change, workbook, example, download and "about" pages, and site/lapas/ + site/assets/);
``mkdocs_run.build_site`` runs mkdocs on it with the root mkdocs.yml; ``linkcheck`` proves that every
internal link, anchor and download in the built HTML exists. ``step.render_site`` is the build step.
"""
