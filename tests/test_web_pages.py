"""relasi.web.pages: the template environment escapes data, and data embedded as JSON cannot end its
<script> element."""

from __future__ import annotations

import json
import re

import pytest

from relasi.web.pages import TEMPLATES

BREAKOUT = "</script><script>window.__pwned=1</script><!--"


@pytest.mark.parametrize("value", [BREAKOUT, "' onload='x", "<img src=x onerror=alert(1)>", "\u2028\u2029"])
def test_pages_embed_figures_as_inert_json(value: str) -> None:
    figure = {"data": [{"name": value, "customdata": [value]}], "layout": {}}
    html = TEMPLATES.get_template("base.html").render(active="", figures={"chart-x": figure}, url_with=lambda **_: "")
    block = re.search(r'<script type="application/json" id="chart-x-data">(.*?)</script>', html, re.S)
    assert block is not None
    assert "<" not in block.group(1) and ">" not in block.group(1)   # nothing in it can close the element
    assert json.loads(block.group(1)) == figure                       # and it is the same data


@pytest.mark.parametrize("detail", [BREAKOUT, '"><img src=x onerror=alert(1)>'])
def test_pages_autoescape_text(detail: str) -> None:
    html = TEMPLATES.get_template("error.html").render(active="", figures={}, url_with=lambda **_: "", status_code=404,
                                                  detail=detail)
    assert detail not in html
    assert "&lt;" in html and "<img" not in html


@pytest.mark.parametrize(("url", "linked"), [("https://ok.example/a", True), ("javascript:alert(1)", False),
                                             ("JAVASCRIPT:alert(1)", False), ("data:text/html,x", False)])
def test_pages_link_only_http_urls(url: str, linked: bool) -> None:
    html = TEMPLATES.from_string('{% set link = url|http_url %}{% if link %}<a href="{{ link }}">x</a>{% endif %}'
                            ).render(url=url)
    assert (f'href="{url}"' in html) is linked
    assert "javascript" not in html.lower()
