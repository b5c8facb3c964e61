"""The ``/// status`` block: where an editor wants the live status widget.

```
/// status
///
```

shows the article's ``status`` components (front matter), or every component when the
article lists none; ``/// status | Webmail, Email delivery`` names its own. The block
only leaves a marker (``<div class="hc-status-slot">``); the plugin swaps it for the
widget in ``on_page_content`` (``status.StatusPages.page_html``), where the page's
locale and settings are known.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

SLOT_CLASS = "hc-status-slot"


class StatusBlock(Block):  # type: ignore[misc]  # pymdownx is untyped here
    NAME = "status"
    ARGUMENT = None  # optional: comma-separated component names

    def on_markdown(self) -> str:
        return "raw"  # anything written inside is not the widget's business

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": SLOT_CLASS})

    def on_end(self, block: etree.Element) -> None:
        names = [name.strip() for name in str(self.argument or "").split(",") if name.strip()]
        tail = block.tail
        block.clear()
        block.tail = tail
        block.set("class", SLOT_CLASS)
        if names:
            block.set("data-components", json.dumps(names, ensure_ascii=False))


class StatusBlockExtension(BlocksExtension):  # type: ignore[misc]
    """Registers ``/// status`` with pymdownx's blocks manager."""

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        block_mgr.register(StatusBlock, self.getConfigs())
