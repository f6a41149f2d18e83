"""The search worker's quicker index build (site/assets/javascripts/lunr/min/lunr.lv.min.js: lunr's Builder.add
replaced, each word normalised once) makes the same lunr index as lunr's own code: both are built in Chromium from the
site's search_index.json with the lunr of the theme's search worker (and lunr's own tokenizer: the theme's is inside its
bundle), and their serialised forms must be equal."""

from __future__ import annotations

import json

from tests.site.browsing import Visit, browser_test

# A worker of its own: the theme's worker bundle (it puts its lunr on self.lunr and only answers messages, none is
# sent), lunr's own Builder.add kept, then the Latvian script; the index built twice from the same documents.
WORKER = """
importScripts(THEME, LATVIAN.replace(/lunr\\.lv\\.min\\.js$/, "lunr.stemmer.support.min.js"));
var lunr = self.lunr;
var lunrAdd = lunr.Builder.prototype.add;
importScripts(LATVIAN);
var quickAdd = lunr.Builder.prototype.add;
var plain = function (token) { return token.update(function (s) { return self.ibmLatvian.normalize(s); }); };
fetch(INDEX).then(function (r) { return r.json(); }).then(function (data) {
  lunr.tokenizer.separator = new RegExp(data.config.separator);
  function build(add, stemmer) {
    lunr.Builder.prototype.add = add;
    return JSON.stringify(lunr(function () {
      var builder = this;
      builder.metadataWhitelist = ["position"];
      builder.b(0);
      builder.pipeline.reset();
      builder.pipeline.add(stemmer);
      builder.searchPipeline.reset();
      builder.searchPipeline.add(lunr.lv.stemmer);
      builder.ref("location");
      Object.keys(data.config.fields).forEach(function (name) { builder.field(name, data.config.fields[name]); });
      data.docs.forEach(function (doc) { builder.add(doc, { boost: doc.boost }); });
    }));
  }
  var own = build(lunrAdd, plain);
  var quick = build(quickAdd, lunr.lv.stemmer);
  postMessage({ same: own === quick, size: own.length, terms: Object.keys(JSON.parse(quick).invertedIndex).length });
}).catch(function (e) { postMessage({ error: String(e) }); });
"""


@browser_test
def test_the_quick_build_makes_lunrs_own_index(visit: Visit, built_site) -> None:  # noqa: ANN001
    visit.open("index.html")
    theme = next((built_site.site / "assets" / "javascripts" / "workers").glob("search.*.min.js")).name
    urls = {"THEME": f"{visit.base}assets/javascripts/workers/{theme}",
            "LATVIAN": f"{visit.base}assets/javascripts/lunr/min/lunr.lv.min.js",
            "INDEX": f"{visit.base}search/search_index.json"}
    source = "".join(f"var {name} = {json.dumps(url)};\n" for name, url in urls.items()) + WORKER
    result = visit.page.evaluate(
        """source => new Promise(resolve => {
             const worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
             worker.onmessage = event => { resolve(event.data); worker.terminate(); };
             worker.onerror = event => resolve({ error: event.message });
           })""", source)
    assert "error" not in result, result
    assert result["terms"] > 5_000 and result["size"] > 1_000_000, result  # the whole site, not a few words
    assert result["same"], result
    assert visit.errors == []
