"""axe-core (from the pinned npm package) run in a Playwright page: its violations."""
from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).resolve().parent.parent / "audit" / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page) -> list[str]:
    """The loaded page's violations as "rule: target, …" lines."""
    # Evaluated through DevTools, which the page's Content-Security-Policy does not block (a <script> would be).
    page.evaluate("source => { (0, eval)(source); }", AXE.read_text(encoding="utf-8"))
    results = page.evaluate("""async () => {
        // colours still changing (a scheme's transition, on a loaded machine) are no colours to check
        await Promise.all(document.getAnimations()
            .filter(a => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
            .map(a => a.finished.catch(() => null)));
        const results = await axe.run(document, {resultTypes: ["violations"]});
        return results.violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).slice(0, 5).join(", "));
    }""")
    return list(results)
