"""The publisher's settings and the document profile, loaded from data/ with every value's line, and the limits they
may ask for."""
