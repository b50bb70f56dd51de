module github.com/stacklint/stacklint

go 1.26.8

require (
	gopkg.in/yaml.v3 v3.0.1
	mvdan.cc/sh/v3 v3.14.1
)
