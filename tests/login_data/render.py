"""Renders a login-data fragment with Django or Jinja2, as a site would: `render.py ENGINE FRAGMENT DATA`.
DATA is a JSON object: the template context. Prints the rendered text. With SSQ_RENDER_PAGE set,
FRAGMENT is a whole page."""
import json
import os
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
    import flask
    import jinja2

    # As Flask renders a page (autoescape on, its own `tojson`), and then as plain Jinja2 with
    # autoescape on: both must give the same page. StrictUndefined: a missing `ssq_login` must be
    # handled by the fragment itself.
    app = flask.Flask(__name__)
    app.jinja_env.undefined = jinja2.StrictUndefined
    with app.app_context():
        out = flask.render_template_string(fragment, **context)
    plain = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string(fragment).render(context)
    if os.environ.get("SSQ_RENDER_PAGE"):
        # A whole page (SSQ_RENDER_PAGE): both must give the same bytes.
        if plain != out:
            sys.exit("Flask and Jinja2 disagree")
    elif json.loads(plain.split(">", 1)[1].rsplit("<", 1)[0]) != json.loads(out.split(">", 1)[1].rsplit("<", 1)[0]):
        sys.exit("Flask and Jinja2 disagree")
else:
    sys.exit(f"unknown engine {engine}")
sys.stdout.write(out)
