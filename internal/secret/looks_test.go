package secret

import "testing"

// TestLooksSecret: which names of options no schema registers hold a
// secret by their words alone.
func TestLooksSecret(t *testing.T) {
	for name, want := range map[string]bool{
		// Secret: the red team's names, other words and misspellings.
		"metadata_proxy_shared_secrt": true, "admin_pass": true, "credential": true, "credentials": true,
		"pasword": true, "passwrd": true, "service_passwrd": true, "db_pwd": true, "Admin-Pass": true,
		"api_key": true, "apikey": true, "auth_key": true, "encryption_key": true, "site.secret": true,
		"client_secret": true, "auth_token": true, "bearer_token": true, "passphrase": true, "dbpass": true,
		"api_keys": true, "sekret_password": true, "credentail": true,
		// Not secret: settings about a secret, switches, counts, key-ish words.
		"key_file": false, "keyfile": false, "key_path": false, "cert_dir": false, "key_size": false,
		"keystone": false, "keystone_url": false, "keymgr_backend": false, "key_manager": false, "keymap": false,
		"api_key_header": false, "public_key": false, "ssh_key": false, "host_key": false, "password_file": false,
		"token_ttl": false, "secret_uuid": false, "use_token": false, "enable_password": false,
		"pci_passthrough_whitelist": false, "bypass_url": false, "passive_mode": false, "compass": false,
		"reply_link_credit": false, "access_token_duration": false, "token_role": false, "user_pass_attribute": false,
		"max_active_keys": false, "password_regex": false, "monkey_patch": false, "my_ip": false, "debug": false,
		"select": false, "secure": false, "tokens_expiry": false, "secret_length": false, "": false,
	} {
		if got := LooksSecret(name); got != want {
			t.Errorf("LooksSecret(%q) = %v, want %v", name, got, want)
		}
	}
}
