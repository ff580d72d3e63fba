"""Quality gates for the built site: links and anchors, axe-core, the Nu Html Checker, Lighthouse, and a server."""
