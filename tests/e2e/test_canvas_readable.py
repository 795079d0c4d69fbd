"""The demo's canvas at fit zoom in a 1440x900 window: every tab drawn whole, no text on the
canvas below 11 px on screen (font size times the zoom it is drawn at), ports at least 16 px,
cables at least 2 px. The screenshots go to docs/ (canvas-fit-<tab>.png)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.servers import prepare_instance, running_server, server_env
from workspace.demo import DEMO_EMAIL, DEMO_PASSWORD

pytestmark = pytest.mark.e2e

DOCS = Path(__file__).resolve().parents[2] / "docs"

# The on-screen size of every visible text run on the canvas: its computed font size times
# the scale it is drawn at (the viewport's zoom and any transform of its own; 1 for panels).
SMALLEST_TEXT = """() => {
  const frame = document.querySelector('.react-flow');
  const viewport = frame.querySelector('.react-flow__viewport');
  const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
  const walker = document.createTreeWalker(frame, NodeFilter.SHOW_TEXT);
  const sizes = [];
  while (walker.nextNode()) {
    const text = walker.currentNode;
    if (!text.textContent.trim()) continue;
    const element = text.parentElement;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    // Drawn size over layout size: every transform on the way (the zoom, a badge's scale).
    const scale = element.offsetHeight ? box.height / element.offsetHeight : zoom;
    const size = parseFloat(style.fontSize) * scale;
    sizes.push({size, text: text.textContent.trim().slice(0, 30)});
  }
  sizes.sort((a, b) => a.size - b.size);
  return {zoom, smallest: sizes[0], count: sizes.length};
}"""


@pytest.fixture
def demo_server(tmp_path):
    env = server_env(tmp_path)
    prepare_instance(tmp_path, env)
    with running_server(tmp_path, env, demo=True) as base:
        yield base


def test_the_demo_canvas_at_fit_zoom_reads_at_11px_or_more(browser, demo_server):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20000)
    try:
        page.goto(f"{demo_server}/login")
        page.get_by_label("Email").fill(DEMO_EMAIL)
        page.get_by_role("textbox", name="Password", exact=True).fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page).to_have_url(re.compile(r"/workspace"))
        tabs = page.get_by_role("tab")
        expect(tabs.first).to_have_attribute("aria-selected", "true")
        names = [tabs.nth(i).inner_text().strip() for i in range(tabs.count())]
        assert names
        for index, name in enumerate(names):
            tabs.nth(index).click()
            expect(tabs.nth(index)).to_have_attribute("aria-selected", "true")
            expect(page.locator(".react-flow__node").first).to_be_visible()
            page.wait_for_timeout(600)  # the fit's settling, for the measure and the picture
            for node in page.locator(".react-flow__node").all():
                expect(node).to_be_in_viewport()
            measured = page.evaluate(SMALLEST_TEXT)
            assert measured["count"] > 0
            smallest = measured["smallest"]
            assert smallest["size"] >= 11, (name, measured)
            port = page.locator(".react-flow__handle.port").first
            assert port.evaluate("e => parseFloat(getComputedStyle(e).width)") >= 16
            cable = page.locator(".react-flow__edge-path").first
            assert cable.evaluate("e => parseFloat(getComputedStyle(e).strokeWidth)") >= 2
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or f"tab-{index}"
            page.screenshot(path=str(DOCS / f"canvas-fit-{slug}.png"))
            print(f"{name}: zoom {measured['zoom']:.2f}, smallest text {smallest}")
    finally:
        context.close()
