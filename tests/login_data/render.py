"""Renders a login-data fragment with Django or Jinja2, as a site would: `render.py ENGINE FRAGMENT DATA`.
DATA is a JSON object: the template context. Prints the rendered text."""
import json
import sys

engine, fragment_path, data_path = sys.argv[1:4]
with open(fragment_path, encoding="utf-8") as f:
    fragment = f.read()
with open(data_path, encoding="utf-8") as f:
    context = json.load(f)

if engine == "django":
    import django
    from django.conf import settings

    settings.configure(TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}])
    django.setup()
    from django.template import Context, Template

    out = Template(fragment).render(Context(context))
elif engine == "jinja2":
    import jinja2

    # Flask's settings for HTML templates: autoescape on. StrictUndefined: a missing `ssq_login`
    # must be handled by the fragment itself.
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    out = env.from_string(fragment).render(context)
else:
    sys.exit(f"unknown engine {engine}")
sys.stdout.write(out)
