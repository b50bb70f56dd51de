package secret

import "strings"

// trivial are passwords found in lab guides, packaged defaults and
// copy-pasted how-tos, compared case-insensitively: guessable by anyone.
var trivial = map[string]bool{
	"password": true, "passw0rd": true, "secret": true, "openstack": true, "admin": true,
	"changeme": true, "guest": true, "123456": true, "12345678": true, "qwerty": true,
	"stack": true, "pass": true, "test": true, "root": true, "letmein": true, "default": true,
	"nova": true, "neutron": true, "glance": true, "keystone": true, "placement": true,
	"cinder": true, "rabbit": true, "rabbitmq": true, "mysql": true, "service": true,
}

// Weak reports whether a (non-empty, non-placeholder) secret is a trivial
// value. Rules say only that it is weak, never which value it is.
func Weak(v string) bool {
	return trivial[strings.ToLower(strings.TrimSpace(v))]
}
