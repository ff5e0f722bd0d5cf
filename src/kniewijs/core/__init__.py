"""Framework-free core: every clinical rule, formula and piece of content.

Nothing in this package imports Django; the web apps and the command line convert to and from it.
"""
