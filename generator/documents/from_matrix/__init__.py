"""`ibm documents --from-matrix`: one child's documents (PDF and DOCX) from that child's filled IBM matrix.

reading.py checks the file (ministry's reader and integrity check) and recomputes every amount with
generator/reference; context.py turns the result into template data; writing.py renders and writes
the child's folder; run.py handles a file or a folder, progress and the summary.
"""
