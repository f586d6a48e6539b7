// Renders a login-data fragment with Go's html/template, as a site would:
// `render ENGINE FRAGMENT DATA`. DATA is a JSON object: the template's data, a map[string]any.
package main

import (
	"encoding/json"
	"fmt"
	"html/template"
	"os"
)

func main() {
	if len(os.Args) != 4 || os.Args[1] != "go" {
		fmt.Fprintln(os.Stderr, "usage: render go FRAGMENT DATA")
		os.Exit(2)
	}
	fragment, err := os.ReadFile(os.Args[2])
	check(err)
	raw, err := os.ReadFile(os.Args[3])
	check(err)
	var data map[string]any
	check(json.Unmarshal(raw, &data))
	t, err := template.New("fragment").Parse(string(fragment))
	check(err)
	check(t.Execute(os.Stdout, data))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
