#!/usr/bin/python3
"""Dump the compact option schema of one OpenStack release as JSON.

Runs inside a Debian chroot that has the release's service packages
(tools/schema/make-schema.sh). For every file kind stacklint validates it
loads the kind's oslo.config namespaces, as oslo-config-generator does, and
writes for each option (keyed by dest, the key an INI file uses): its type
with everything oslo.config checks (choices, bounds, regex, item types, URI
schemes, IP version), the secret flag, deprecated names, deprecation for
removal and since when. keystoneauth1's auth-plugin options, which services
register at run time from [group] auth_type, are written once.

The registered policy defaults of each service (oslo.policy.policies entry
points) are written under "policies".

usage: dump_schema.py RELEASE > RELEASE.json
       dump_schema.py --kind KIND    (one kind; the projects' opts modules
                                      register into one global CONF, so each
                                      kind is loaded in its own process)
"""
import importlib.metadata as md
import json
import logging
import re
import subprocess
import sys
import warnings

from oslo_config import generator
from oslo_config import types

# Namespaces per file kind, in upstream order (the oslo-config-generator
# files of each project: nova etc/nova/nova-config-generator.conf, neutron
# etc/oslo-config-generator/*.ini, keystone, glance, placement). Namespaces a
# release no longer registers are reported under "missing".
KINDS = {
    'nova.conf': 'nova.conf oslo.limit oslo.log oslo.messaging oslo.policy '
                 'oslo.privsep oslo.service.periodic_task oslo.service.service '
                 'oslo.middleware oslo.concurrency oslo.reports '
                 'keystonemiddleware.auth_token osprofiler',
    'neutron.conf': 'neutron neutron.agent neutron.db neutron.experimental '
                    'neutron.extensions nova.auth ironic.auth placement.auth '
                    'oslo.log oslo.cache oslo.db oslo.policy oslo.privsep '
                    'oslo.concurrency oslo.messaging oslo.middleware.cors '
                    'oslo.middleware.healthcheck oslo.middleware.http_proxy_to_wsgi '
                    'oslo.reports oslo.service.periodic_task oslo.service.service '
                    'oslo.service.sslutils oslo.service.wsgi '
                    'keystonemiddleware.auth_token',
    'ml2_conf.ini': 'neutron.ml2 oslo.log',
    'linuxbridge_agent.ini': 'neutron.ml2.linuxbridge.agent oslo.log',
    'openvswitch_agent.ini': 'neutron.ml2.ovs.agent oslo.log',
    'l3_agent.ini': 'neutron.az.agent neutron.base.agent neutron.l3.agent oslo.log',
    'dhcp_agent.ini': 'neutron.az.agent neutron.base.agent neutron.dhcp.agent oslo.log',
    'metadata_agent.ini': 'neutron.metadata.agent oslo.log oslo.cache',
    'keystone.conf': 'keystone oslo.cache oslo.log oslo.messaging oslo.policy '
                     'oslo.db oslo.middleware osprofiler',
    'glance-api.conf': 'castellan.config glance.api glance.store os_brick '
                       'glance.multi_store oslo.concurrency oslo.messaging oslo.db '
                       'oslo.policy keystonemiddleware.auth_token oslo.limit oslo.log '
                       'oslo.middleware.cors oslo.middleware.healthcheck '
                       'oslo.middleware.http_proxy_to_wsgi oslo.reports',
    'placement.conf': 'placement.conf keystonemiddleware.auth_token oslo.log '
                      'oslo.middleware.cors oslo.middleware.http_proxy_to_wsgi '
                      'oslo.policy osprofiler',
    # Not a file: the [ovn] options the OVN mechanism driver registers in
    # neutron-server, read from ml2_conf.ini (upstream's ml2_conf.ini
    # generator list does not name them).
    'ovn': 'neutron.ml2.ovn',
}

TYPE_CODES = {
    'String': 'str', 'MultiString': 'str', 'Integer': 'int', 'Float': 'float',
    'Port': 'port', 'Boolean': 'bool', 'List': 'list', 'Dict': 'dict',
    'IPAddress': 'ip', 'Hostname': 'host', 'HostAddress': 'hostaddr',
    'HostDomain': 'hostdomain', 'URI': 'uri', 'Range': 'range',
}


def compact_type(t):
    """The type as a small dict; None for a plain string."""
    if t is None:
        return {'t': 'str'}
    if not isinstance(t, types.ConfigType):
        return {'t': 'callable'}
    name = type(t).__name__
    d = {'t': TYPE_CODES.get(name, name)}
    choices = getattr(t, 'choices', None)
    if choices:
        d['ch'] = [c for c in (choices.keys() if hasattr(choices, 'keys') else choices)]
    if getattr(t, 'ignore_case', False):
        d['ic'] = 1
    regex = getattr(t, 'regex', None)
    if regex is not None:
        d['re'] = regex.pattern if isinstance(regex, re.Pattern) else str(regex)
    for attr, key in (('min', 'min'), ('max', 'max'), ('max_length', 'ml')):
        v = getattr(t, attr, None)
        if v is not None:
            d[key] = v
    if getattr(t, 'quotes', False):
        d['q'] = 1
    if getattr(t, 'bounds', False):
        d['b'] = 1
    if name == 'List':
        d['it'] = compact_type(t.item_type)
    if name == 'Dict':
        d['vt'] = compact_type(t.value_type)
    if name == 'URI' and getattr(t, 'schemes', None):
        d['sch'] = sorted(t.schemes)
    if name == 'IPAddress':
        vc = getattr(t, 'version_checker', None)
        v = getattr(vc, '__name__', '')
        if '4' in v:
            d['v'] = 4
        elif '6' in v:
            d['v'] = 6
    if name in ('Range',):
        for attr in ('min', 'max', 'inclusive'):
            v = getattr(t, attr, None)
            if v is not None:
                d[attr] = v
    return d


def compact_opt(opt, group):
    d = compact_type(opt.type)
    if opt.name != opt.dest:
        d['n'] = opt.name
    if opt.multi:
        d['m'] = 1
    if opt.secret:
        d['s'] = 1
    if opt.deprecated_for_removal:
        d['dfr'] = 1
    if opt.deprecated_since:
        d['since'] = str(opt.deprecated_since)
    dep = []
    for o in opt.deprecated_opts:
        if not (o.name or o.group):
            continue
        dep.append([o.group or group, o.name or opt.dest])
    if dep:
        d['dep'] = dep
    return d


def kind_schema(namespaces):
    available = {ep.name for ep in md.entry_points(group='oslo.config.opts')}
    present = [n for n in namespaces if n in available]
    missing = [n for n in namespaces if n not in available]
    groups = generator._get_groups(generator._list_opts(present))
    out = {'namespaces': present, 'groups': {}}
    if missing:
        out['missing'] = missing
    for gname, gdata in sorted(groups.items()):
        opts = out['groups'].setdefault(gname, {})
        for _ns, optlist in gdata['namespaces']:
            for opt in optlist:
                opts.setdefault(opt.dest, compact_opt(opt, gname))
    return out


def auth_schema():
    from keystoneauth1 import loading
    out = {'common': {}, 'plugins': {}}
    for o in loading.get_auth_common_conf_options():
        o = o._to_oslo_opt() if hasattr(o, '_to_oslo_opt') else o
        out['common'][o.dest] = compact_opt(o, None)
    for name in sorted(loading.get_available_plugin_names()):
        try:
            opts = loading.get_auth_plugin_conf_options(name)
        except Exception:  # noqa: a plugin whose extras are not installed
            continue
        plugin = out['plugins'].setdefault(name, {})
        for o in opts:
            o = o._to_oslo_opt() if hasattr(o, '_to_oslo_opt') else o
            plugin[o.dest] = compact_opt(o, None)
    return out


def version(dist):
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return None


def one_kind(kind):
    out = subprocess.run([sys.executable, __file__, '--kind', kind],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


# The oslo.policy.policies entry point of each service's API.
POLICY_NAMESPACES = {'nova': 'nova', 'neutron': 'neutron', 'keystone': 'keystone',
                     'glance': 'glance', 'placement': 'placement'}


def policy_defaults(namespace):
    """The policy defaults a service registers: name -> check string ("c"),
    the deprecated rule it replaces ("dn" name when renamed, "dc" check
    string), deprecation for removal ("dfr") and scope types ("st")."""
    from oslo_policy import generator as pgen
    out = {}
    for r in pgen.get_policies_dict([namespace])[namespace]:
        d = {'c': r.check_str}
        dr = r.deprecated_rule
        if dr:
            if dr.name != r.name and not dr.name.startswith('rule:'):
                d['dn'] = dr.name
            if dr.check_str != r.check_str:
                d['dc'] = dr.check_str
        if r.deprecated_for_removal:
            d['dfr'] = 1
        if r.scope_types:
            d['st'] = r.scope_types
        out[r.name] = d
    return out


def one_policy(namespace):
    out = subprocess.run([sys.executable, __file__, '--policy', namespace],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    logging.disable(logging.CRITICAL)
    warnings.simplefilter('ignore')
    if sys.argv[1] == '--kind':
        json.dump(kind_schema(KINDS[sys.argv[2]].split()), sys.stdout, default=str)
        return
    if sys.argv[1] == '--policy':
        json.dump(policy_defaults(sys.argv[2]), sys.stdout, default=str)
        return
    release = sys.argv[1]
    out = {
        'release': release,
        'versions': {d: version(d) for d in ('oslo.config', 'oslo.policy', 'keystoneauth1', 'nova', 'neutron',
                                              'keystone', 'glance', 'openstack-placement')},
        'kinds': {k: one_kind(k) for k in KINDS},
        'auth': auth_schema(),
        'policies': {svc: one_policy(ns) for svc, ns in POLICY_NAMESPACES.items()},
    }
    json.dump(out, sys.stdout, sort_keys=True, separators=(',', ':'), default=str)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
