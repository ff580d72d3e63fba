"""What the build checks in the tree: pairs, translations, and whether a finding stops the build."""
