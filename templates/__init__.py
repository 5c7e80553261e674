"""Bundled email templates (jinja2). A ``[templates] directory`` in the config overrides any of them by
file name. Each email is three files: NAME.subject.j2, NAME.txt.j2 and NAME.html.j2 (autoescaped)."""
