# Renders a login-data fragment with ActionView's ERB or the liquid gem, as a site would:
# `ruby render.rb ENGINE FRAGMENT DATA`. DATA is a JSON object: the controller's assigns (Rails) or
# the template's variables (Liquid). Prints the rendered text.
require "json"

engine, fragment_path, data_path = ARGV
fragment = File.read(fragment_path, encoding: "UTF-8")
context = JSON.parse(File.read(data_path, encoding: "UTF-8"))

out = case engine
      when "rails"
        require "action_view"
        # Assigns become the view's instance variables, as a controller's do.
        view = ActionView::Base.with_empty_template_cache.new(ActionView::LookupContext.new([]), context, nil)
        view.render(inline: fragment, type: :erb)
      when "liquid"
        require "liquid"
        # strict_filters: a filter outside the open-source gem fails the render.
        Liquid::Template.parse(fragment, error_mode: :strict).render!(context, strict_filters: true)
      else
        abort "unknown engine #{engine}"
      end
print out
