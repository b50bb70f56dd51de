#!/usr/bin/python3
"""Dump the compact option and policy schema of one OpenStack release as JSON.

Runs inside a Debian chroot (tools/schema/make-schema.sh), in one of two
modes that share every line below except where the code comes from:

- packaged (the default): the release's Debian packages are installed and
  found through their installed entry points, as oslo-config-generator
  finds them;
- source (--sources SPEC): the upstream trees of every project at the
  release's tags are put ahead of the packaged ones on sys.path, and the
  entry points come from each tree's setup.cfg (SPEC, written by
  tools/schema/sources.py), served by a stand-in for stevedore's managers.

For every file kind stacklint validates it loads the kind's oslo.config
namespaces as oslo-config-generator does (_list_opts, _get_groups: the
oslo.config.opts.defaults hooks run first, so services' overrides of library
defaults are in place) and writes for each option (keyed by dest, the key an
INI file uses): its type with everything oslo.config checks (choices, bounds,
regex, item types, URI schemes, IP version), the secret flag, deprecated
names, deprecation for removal and since when, and its default as the
service reads it when the option is not set (see default_fields).
keystoneauth1's auth-plugin options, which services register at run time
from [group] auth_type, are written once. The registered policy defaults of
each service (oslo.policy.policies entry points) are written under
"policies".

Host-dependent defaults (the generating machine's host name, addresses, CPU
count or install path) are never written as defaults: the dump runs with a
sentinel host name and sentinel addresses (make-schema.sh sets them in a
namespace of its own) and a sentinel CPU count, and a default holding one of
them is written as "hd", the default's text with the host's part as a
placeholder.

usage: dump_schema.py [--sources SPEC] [--kinds KINDS] RELEASE > RELEASE.json
       dump_schema.py [--sources SPEC] [--kinds KINDS] --kind KIND
       dump_schema.py [--sources SPEC] --policy NAMESPACE
(each kind and each policy namespace is loaded in its own process: the
projects' opts modules register into one global CONF and clash)
"""
import argparse
import importlib
import json
import logging
import os
import re
import subprocess
import sys
import warnings

# Namespaces per file kind, in upstream order (the oslo-config-generator
# files of each project: nova etc/nova/nova-config-generator.conf, neutron
# etc/oslo-config-generator/*.ini, keystone config-generator/keystone.conf,
# glance etc/oslo-config-generator/glance-api.conf, placement
# etc/placement/config-generator.conf, cinder
# tools/config/cinder-config-generator.conf; Zed's lists). --kinds replaces
# them with the lists of the release's own generator files (sources.py).
# Namespaces a release does not register are reported under "missing".
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
    'cinder.conf': 'castellan.config cinder keystonemiddleware.auth_token '
                   'osprofiler oslo.config oslo.concurrency oslo.db oslo.log '
                   'oslo.messaging oslo.middleware oslo.policy oslo.privsep '
                   'oslo.reports oslo.service.periodic_task oslo.service.service '
                   'oslo.service.sslutils oslo.service.wsgi oslo.versionedobjects '
                   'os_brick',
    # Not a file: the [ovn] options the OVN mechanism driver registers in
    # neutron-server, read from ml2_conf.ini (upstream's ml2_conf.ini
    # generator list does not name them before 2025.1).
    'ovn': 'neutron.ml2.ovn',
}

# The oslo.policy.policies entry point of each service's API.
POLICY_NAMESPACES = {'nova': 'nova', 'neutron': 'neutron', 'keystone': 'keystone',
                     'glance': 'glance', 'placement': 'placement', 'cinder': 'cinder'}

# Distributions whose versions the dump records.
DISTS = ('nova', 'neutron', 'keystone', 'glance', 'openstack-placement', 'cinder',
         'castellan', 'glance-store', 'keystoneauth1', 'keystonemiddleware', 'neutron-lib',
         'os-brick', 'os-ken', 'os-vif', 'oslo.cache', 'oslo.concurrency', 'oslo.config',
         'oslo.db', 'oslo.limit', 'oslo.log', 'oslo.messaging', 'oslo.middleware',
         'oslo.policy', 'oslo.privsep', 'oslo.reports', 'oslo.service', 'oslo.utils',
         'oslo.versionedobjects', 'osprofiler', 'ovsdbapp', 'oslo.metrics', 'os-traits',
         'os-resource-classes')

TYPE_CODES = {
    'String': 'str', 'MultiString': 'str', 'Integer': 'int', 'Float': 'float',
    'Port': 'port', 'Boolean': 'bool', 'List': 'list', 'Dict': 'dict',
    'IPAddress': 'ip', 'Hostname': 'host', 'HostAddress': 'hostaddr',
    'HostDomain': 'hostdomain', 'URI': 'uri', 'Range': 'range',
}

# Sentinels for what a default may take from the generating machine. The
# host name and addresses are set by make-schema.sh (a UTS and network
# namespace of the dump's own); the CPU count is patched below.
SENTINEL_HOST = 'stacklint-sentinel-host'
SENTINEL_IPV4 = '203.0.113.254'
SENTINEL_IPV6 = '2001:db8::fe'
SENTINEL_CPUS = 1000033
PLACEHOLDERS = ((SENTINEL_HOST, '<hostname>'), (SENTINEL_IPV4, '<host_ipv4>'),
                (SENTINEL_IPV6, '<host_ipv6>'))

# oslo.config's substitution: $name, ${name}, ${group.name}; $$ is a dollar.
SUBST = re.compile(r'\$(?:\$|\{?([_a-zA-Z][._a-zA-Z0-9]*))')


def pin_cpu_count():
    """Make every CPU count the sentinel (processutils.get_worker_count and
    friends read one of these)."""
    import multiprocessing
    os.cpu_count = lambda: SENTINEL_CPUS
    multiprocessing.cpu_count = lambda: SENTINEL_CPUS
    if hasattr(os, 'sched_getaffinity'):
        os.sched_getaffinity = lambda pid: set(range(SENTINEL_CPUS))


# --- source mode: upstream trees on sys.path, entry points from setup.cfg ---

def load_ref(ref):
    """Import 'pkg.mod:attr.sub [extra]' as pkg_resources would."""
    ref = ref.split('[')[0].strip()
    mod, _, attr = ref.partition(':')
    obj = importlib.import_module(mod.strip())
    for a in attr.strip().split('.'):
        if a:
            obj = getattr(obj, a)
    return obj


class Extension(object):
    """What stevedore's managers hand out: name, plugin, obj."""

    def __init__(self, name, ref, plugin, obj):
        self.name, self.entry_point_target, self.plugin, self.obj = name, ref, plugin, obj

    @property
    def entry_point(self):
        return self


def norm(dist):
    """A distribution name as pip compares them."""
    return re.sub(r'[-_.]+', '-', dist).lower()


def installed_entry_points(exclude=()):
    """Every entry point of the installed distributions but those named in
    exclude: [group, name, ref, dist], sorted by distribution."""
    import importlib.metadata as md
    out = []
    for dist in md.distributions():
        name = norm(dist.metadata['Name'] or '')
        if not name or name in exclude:
            continue
        for ep in dist.entry_points:
            out.append([ep.group, ep.name, ep.value, name])
    return sorted(out, key=lambda e: (e[3], e[0], e[1]))


def matching(entry_points, group, names=None):
    """The entry points of a group (with one of names), in order; a name
    several distributions register (placement registers nova.conf defaults)
    gives several, as stevedore does."""
    out = [e for e in entry_points if e[0] == group and (names is None or e[1] in names)]
    if names is not None:
        order = {n: i for i, n in enumerate(names)}
        out.sort(key=lambda e: order[e[1]])
    return out


def fake_stevedore(entry_points):
    """Replace stevedore's managers with ones that read entry points from
    the given list ([group, name, ref, dist]: the source trees' setup.cfg
    and the installed distributions the trees do not replace)."""
    import stevedore
    from stevedore import driver, extension, named

    def load(namespace, names, invoke, args, kwds, on_fail):
        out = []
        for _g, name, ref, _d in matching(entry_points, namespace, names):
            try:
                plugin = load_ref(ref)
                obj = plugin(*args, **kwds) if invoke else None
            except Exception as e:  # noqa: as stevedore, hand it to the callback
                if on_fail is None:
                    continue
                on_fail(None, name, e)
                continue
            out.append(Extension(name, ref, plugin, obj))
        return out

    class ExtensionManager(object):
        # stevedore 5.5 is generic: ExtensionManager[T] in annotations
        __class_getitem__ = classmethod(lambda cls, item: cls)

        def __init__(self, namespace, invoke_on_load=False, invoke_args=(),
                     invoke_kwds=None, propagate_map_exceptions=False,
                     on_load_failure_callback=None, verify_requirements=False, **kw):
            self.namespace = namespace
            self.propagate_map_exceptions = propagate_map_exceptions
            self.extensions = load(namespace, None, invoke_on_load, invoke_args,
                                   invoke_kwds or {}, on_load_failure_callback)
            self._by_name = {e.name: e for e in self.extensions}

        def names(self):
            return [e.name for e in self.extensions]

        def __iter__(self):
            return iter(self.extensions)

        def __len__(self):
            return len(self.extensions)

        def __contains__(self, name):
            return name in self._by_name

        def __getitem__(self, name):
            return self._by_name[name]

        def map(self, func, *args, **kwds):
            return [func(e, *args, **kwds) for e in self.extensions]

    class NamedExtensionManager(ExtensionManager):
        def __init__(self, namespace, names, invoke_on_load=False, invoke_args=(),
                     invoke_kwds=None, name_order=False, propagate_map_exceptions=False,
                     on_load_failure_callback=None, on_missing_entrypoints_callback=None,
                     verify_requirements=False, warn_on_missing_entrypoint=True, **kw):
            self.namespace = namespace
            self.propagate_map_exceptions = propagate_map_exceptions
            self.extensions = load(namespace, list(names), invoke_on_load, invoke_args,
                                   invoke_kwds or {}, on_load_failure_callback)
            self._by_name = {e.name: e for e in self.extensions}

    class DriverManager(NamedExtensionManager):
        def __init__(self, namespace, name, invoke_on_load=False, invoke_args=(),
                     invoke_kwds=None, on_load_failure_callback=None,
                     verify_requirements=False, **kw):
            super(DriverManager, self).__init__(
                namespace, [name], invoke_on_load=invoke_on_load, invoke_args=invoke_args,
                invoke_kwds=invoke_kwds, on_load_failure_callback=on_load_failure_callback)
            if not self.extensions:
                raise RuntimeError('No %r driver found, looking for %r' % (namespace, name))

        @property
        def driver(self):
            e = self.extensions[0]
            return e.obj or e.plugin

    stevedore.ExtensionManager = extension.ExtensionManager = ExtensionManager
    stevedore.NamedExtensionManager = named.NamedExtensionManager = NamedExtensionManager
    stevedore.DriverManager = driver.DriverManager = DriverManager


class Stub(object):
    """Anything: an attribute, a call, a base class."""

    def __init__(self, *a, **kw):
        pass

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        return Stub()

    def __call__(self, *a, **kw):
        return Stub()

    def __mro_entries__(self, bases):
        return (object,)

    def __iter__(self):
        return iter(())


STUBBED = []


def imported_from(paths):
    """Whether the import being resolved comes from code under paths."""
    f = sys._getframe(2)
    while f is not None:
        name = f.f_code.co_filename
        if not name.startswith('<'):
            if name == __file__ or 'importlib' in name:
                f = f.f_back
                continue
            return any(name.startswith(p + os.sep) for p in paths)
        f = f.f_back
    return False


def stub_missing_submodules(own, paths):
    """Serve a stub for a missing submodule of a third-party package the
    chroot has, imported by code of the source trees (paths): an older
    service imports what a newer library moved (cinder's
    botocore.vendored...urllib3; Debian patches its packages for that). A
    package the chroot lacks altogether still fails as in the packaged run,
    and so does a module of the source trees' own packages (own). Every
    stub is recorded under the kind's "stubbed"."""
    import importlib.abc
    import importlib.util
    import types

    class Module(types.ModuleType):
        __path__ = []

        def __getattr__(self, name):
            if name.startswith('__'):
                raise AttributeError(name)
            return Stub()

    class Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
        def find_spec(self, name, path, target=None):
            parent = name.rpartition('.')[0]
            if not parent or parent not in sys.modules or name.split('.')[0] in own:
                return None
            for finder in sys.meta_path:  # finders added after this one (six.moves)
                if finder is not self and hasattr(finder, 'find_spec'):
                    spec = finder.find_spec(name, path, target)
                    if spec is not None:
                        return spec
            if not imported_from(paths):
                return None
            STUBBED.append(name)
            return importlib.util.spec_from_loader(name, self)

        def create_module(self, spec):
            return Module(spec.name)

        def exec_module(self, module):
            pass

    sys.meta_path.append(Finder())
    sys.meta_path.insert(0, AttributeStubs(own, paths))


# Third-party packages whose missing attributes are stubbed (AttributeStubs):
# only those named, since code feature-tests others (neutron-lib:
# try: orm.DeclarativeBase except AttributeError: SQLAlchemy 1.4).
STUB_ATTRIBUTES_OF = ('pyroute2',)


class AttributeStubs(object):
    """A finder that gives every module of STUB_ATTRIBUTES_OF the chroot's
    packages provide a module __getattr__:
    a name the module lacks, asked for by code of the source trees, is a
    stub (recorded under "stubbed") instead of an AttributeError. An older
    service uses what a newer library added (wallaby's neutron:
    pyroute2.netlink.exceptions.NetlinkDumpInterrupted, pyroute2 0.6;
    bullseye has 0.5)."""

    def __init__(self, own, paths):
        self.own, self.paths, self.busy = own, paths, set()

    def find_spec(self, name, path, target=None):
        top = name.split('.')[0]
        if top not in STUB_ATTRIBUTES_OF or top in self.own or name in self.busy:
            return None
        self.busy.add(name)
        spec = None
        try:
            for finder in sys.meta_path:
                if finder is not self and hasattr(finder, 'find_spec'):
                    spec = finder.find_spec(name, path, target)
                    if spec is not None:
                        break
        finally:
            self.busy.discard(name)
        if spec is None or not (spec.origin or '').startswith('/usr/lib/python3/dist-packages/'):
            return None
        if spec.loader is None or not hasattr(spec.loader, 'exec_module'):
            return None
        spec.loader = StubbingLoader(spec.loader, self.paths)
        return spec


class StubbingLoader(object):
    """A loader that runs the real one, then adds the stub __getattr__."""

    def __init__(self, real, paths):
        self.real, self.paths = real, paths

    def __getattr__(self, name):
        return getattr(self.real, name)

    def create_module(self, spec):
        return self.real.create_module(spec)

    def exec_module(self, module):
        self.real.exec_module(module)
        if '__getattr__' in module.__dict__:
            return
        paths, modname = self.paths, module.__name__

        def __getattr__(name):
            f = sys._getframe(1)
            if not name.startswith('__') and any(
                    f.f_code.co_filename.startswith(p + os.sep) for p in paths):
                STUBBED.append(modname + '.' + name)
                return Stub()
            raise AttributeError('module %r has no attribute %r' % (modname, name))
        module.__getattr__ = __getattr__


def use_sources(spec_path):
    """Put the source trees ahead of the packaged code and serve the entry
    points of their setup.cfg, with those of every installed distribution
    the trees do not replace (clients' keystoneauth1 plugins); returns the
    spec (paths, entry_points, versions) with entry_points completed."""
    with open(spec_path) as f:
        spec = json.load(f)
    sys.path[:0] = spec['paths']
    mine = {norm(d) for d in spec['versions']}
    spec['entry_points'] = spec['entry_points'] + installed_entry_points(mine)
    fake_stevedore(spec['entry_points'])
    own = set()
    for p in spec['paths']:
        own.update(n for n in os.listdir(p) if os.path.isfile(os.path.join(p, n, '__init__.py')))
    stub_missing_submodules(own, spec['paths'])
    SOURCE_TREES[:] = [(sorted(own), list(spec['paths']))]
    return spec


# (packages of the source trees, their paths) in source mode.
SOURCE_TREES = []


def foreign_modules():
    """Modules of the source trees' packages that were imported from
    elsewhere (the chroot's packages): none, or the source method did not
    read what it claims to. Written under the kind's "foreign", which the
    differential test then reports."""
    if not SOURCE_TREES:
        return []
    own, paths = SOURCE_TREES[0]
    own = set(own)
    out = []
    for name, mod in list(sys.modules.items()):
        f = getattr(mod, '__file__', None)
        if f and name.split('.')[0] in own and not any(f.startswith(p + os.sep) for p in paths):
            out.append(name)
    return sorted(out)


def own_defaults_hooks(entry_points):
    """oslo-config-generator runs every oslo.config.opts.defaults hook
    registered under a namespace's name, by any distribution: placement
    registers its own under nova.conf, so the sample of nova.conf depends
    on which runs last. A service runs only its own; so does this: for each
    namespace, the hooks of the distribution that registers the namespace."""
    from oslo_config import generator

    def updaters(namespaces):
        out = []
        for ns in namespaces:
            owners = {e[3] for e in matching(entry_points, 'oslo.config.opts', [ns])}
            for _g, _n, ref, dist in matching(entry_points, 'oslo.config.opts.defaults', [ns]):
                if dist in owners:
                    out.append(load_ref(ref))
        return out

    generator._get_opt_default_updaters = updaters


# --- types and options ---

def compact_type(t):
    """The type as a small dict; None for a plain string."""
    from oslo_config import types
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
        d['re'] = regex.pattern if hasattr(regex, 'pattern') else str(regex)
    for attr, key in (('min', 'min'), ('max', 'max'), ('max_length', 'ml')):
        v = getattr(t, attr, None)
        if v is None:
            continue
        hv = host_text(v, ())
        if hv is not None:
            # a bound computed from the host (cinder's backup_workers: max =
            # the CPU count): "hmin"/"hmax" with the placeholder, no bound
            d['h' + key] = hv
        else:
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


def jsonable(v):
    """A default as JSON: None, booleans, numbers, strings, lists and
    objects (keys sorted when written); anything else as its str()."""
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return int(v)
    if isinstance(v, float):
        return v if v == v and v not in (float('inf'), float('-inf')) else str(v)
    if isinstance(v, (list, tuple)):
        return [jsonable(x) for x in v]
    if isinstance(v, dict):
        return {str(k): jsonable(x) for k, x in v.items()}
    return str(v)


def substitutes(v):
    """Whether a default holds an oslo.config $reference (the service
    substitutes it before converting)."""
    items = v if isinstance(v, (list, tuple)) else [v]
    return any(isinstance(x, str) and any(m.group(1) for m in SUBST.finditer(x)) for x in items)


def effective_default(opt):
    """opt.default as the service reads it when the option is not set:
    oslo.config converts it with the option's type (a '10' default of an
    IntOpt is 10); a default with $references stays as written, since
    substitution comes first and depends on other options."""
    v = opt.default
    if v is None or substitutes(v):
        return jsonable(v)
    try:
        v = [opt.type(x) for x in v] if opt.multi else opt.type(v)
    except Exception:  # noqa: an invalid default is the service's problem; keep it as written
        pass
    return jsonable(v)


def cpu_derived(v):
    """Whether a number is the sentinel CPU count or a simple function of
    it (neutron's (1 + cpus) / 2 keepalived threads, cpus / 2 workers):
    n * a / b + c for small a, b, c."""
    n = SENTINEL_CPUS
    for a in (1, 2, 3, 4):
        for b in (1, 2, 3, 4):
            for c in (-2, -1, 0, 1, 2):
                if v in (n * a // b + c, (n + c) * a / b):
                    return True
    return False


def host_text(v, paths):
    """The default's text with host-computed parts as placeholders, or None
    when the default does not depend on the host."""
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)) and v >= SENTINEL_CPUS // 8 and cpu_derived(v):
        return '<cpu_count>' if v == SENTINEL_CPUS else '<from_cpu_count>'
    if isinstance(v, list):
        parts = [host_text(x, paths) for x in v]
        if all(p is None for p in parts):
            return None
        return ','.join(p if p is not None else str(x) for p, x in zip(parts, v))
    if isinstance(v, dict):
        parts = {k: host_text(x, paths) for k, x in v.items()}
        if all(p is None for p in parts.values()):
            return None
        return ','.join('%s:%s' % (k, parts[k] if parts[k] is not None else v[k]) for k in sorted(v))
    if not isinstance(v, str):
        return None
    out = v
    for sentinel, placeholder in PLACEHOLDERS:
        out = out.replace(sentinel, placeholder)
    for p in paths:
        out = out.replace(p, '<python_path>')
    return out if out != v else None


def python_paths():
    """The folders code is imported from, longest first: a default under one
    of them (nova's pybasedir) is the install location, not a value."""
    out = {os.path.abspath(p) for p in sys.path if p and os.path.isabs(p) and len(p) > 4}
    out = {p for p in out if p not in ('/usr', '/usr/lib', '/usr/local')}
    return sorted(out, key=len, reverse=True)


def default_fields(opt, paths):
    """d: the default as read (JSON; null for None); sd: sample_default,
    the text the sample config shows instead, when the option has one; hd:
    in place of d, the default's text with the generating host's part as a
    placeholder (<hostname>, <host_ipv4>, <host_ipv6>, <cpu_count>,
    <from_cpu_count> for a number computed from it, <python_path>)."""
    out = {}
    sd = getattr(opt, 'sample_default', None)
    if sd is not None:
        out['sd'] = sd if isinstance(sd, str) else jsonable(sd)
    d = effective_default(opt)
    hd = host_text(d, paths)
    if hd is not None:
        out['hd'] = hd
    else:
        out['d'] = d
    return out


def compact_opt(opt, group, paths):
    d = compact_type(opt.type)
    if opt.name != opt.dest:
        d['n'] = opt.name
    if opt.multi:
        d['m'] = 1
    if opt.secret:
        d['s'] = 1
    if getattr(opt, 'deprecated_for_removal', False):
        d['dfr'] = 1
    if getattr(opt, 'deprecated_since', None):
        d['since'] = str(opt.deprecated_since)
    dep = []
    for o in opt.deprecated_opts:
        if not (o.name or o.group):
            continue
        dep.append([o.group or group, o.name or opt.dest])
    if dep:
        d['dep'] = dep
    d.update(default_fields(opt, paths))
    return d


def registered_namespaces(entry_points):
    return {e[1] for e in matching(entry_points, 'oslo.config.opts')}


def kind_schema(namespaces, entry_points):
    """One kind: its namespaces' groups and options. Options a group gets
    from several namespaces are taken from the first namespace in the
    kind's list (oslo-config-generator prints each; a service reads one)."""
    from oslo_config import generator
    own_defaults_hooks(entry_points)
    available = registered_namespaces(entry_points)
    present = [n for n in namespaces if n in available]
    missing = [n for n in namespaces if n not in available]
    groups = generator._get_groups(generator._list_opts(present))
    out = {'namespaces': present, 'groups': {}}
    if missing:
        out['missing'] = missing
    if STUBBED:
        out['stubbed'] = sorted(set(STUBBED))
    foreign = foreign_modules()
    if foreign:
        out['foreign'] = foreign
    order = {n: i for i, n in enumerate(present)}
    paths = python_paths()
    for gname, gdata in sorted(groups.items()):
        opts = out['groups'].setdefault(gname, {})
        for _ns, optlist in sorted(gdata['namespaces'], key=lambda x: order.get(x[0], len(order))):
            for opt in optlist:
                if opt.dest not in opts:
                    opts[opt.dest] = compact_opt(opt, gname, paths)
    return out


def auth_schema():
    from keystoneauth1 import loading
    paths = python_paths()
    out = {'common': {}, 'plugins': {}}
    for o in loading.get_auth_common_conf_options():
        o = o._to_oslo_opt() if hasattr(o, '_to_oslo_opt') else o
        out['common'][o.dest] = compact_opt(o, None, paths)
    for name in sorted(loading.get_available_plugin_names()):
        try:
            opts = loading.get_auth_plugin_conf_options(name)
        except Exception:  # noqa: a plugin whose extras are not installed
            continue
        plugin = out['plugins'].setdefault(name, {})
        for o in opts:
            o = o._to_oslo_opt() if hasattr(o, '_to_oslo_opt') else o
            plugin[o.dest] = compact_opt(o, None, paths)
    return out


def version(dist, spec):
    if spec:
        return spec['versions'].get(dist)
    import importlib.metadata as md
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return None


def policy_defaults(namespace):
    """The policy defaults a service registers: name -> check string ("c"),
    the deprecated rule it replaces ("dn" name when renamed, "dc" check
    string), deprecation for removal ("dfr") and scope types ("st")."""
    from oslo_policy import generator as pgen
    out = {}
    for r in pgen.get_policies_dict([namespace]).get(namespace, []):
        d = {'c': r.check_str}
        dr = getattr(r, 'deprecated_rule', None)
        if dr:
            if dr.name != r.name and not dr.name.startswith('rule:'):
                d['dn'] = dr.name
            if dr.check_str != r.check_str:
                d['dc'] = dr.check_str
        if getattr(r, 'deprecated_for_removal', False):
            d['dfr'] = 1
        if getattr(r, 'scope_types', None):
            d['st'] = r.scope_types
        out[r.name] = d
    return out


def child(args, *extra):
    cmd = [sys.executable, os.path.abspath(__file__)]
    if args.sources:
        cmd += ['--sources', args.sources]
    if args.kinds:
        cmd += ['--kinds', args.kinds]
    res = subprocess.run(cmd + list(extra), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         universal_newlines=True)
    if res.returncode != 0:
        sys.stderr.write('dump_schema.py %s failed:\n%s\n' % (' '.join(extra), res.stderr[-4000:]))
        raise SystemExit(1)
    return json.loads(res.stdout)


def kinds_of(args):
    if not args.kinds:
        return {k: v.split() for k, v in KINDS.items()}
    with open(args.kinds) as f:
        return json.load(f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--sources', help='source mode: the spec sources.py wrote')
    ap.add_argument('--kinds', help='JSON kind -> namespaces (default: the Zed lists)')
    ap.add_argument('--kind')
    ap.add_argument('--policy')
    ap.add_argument('release', nargs='?')
    args = ap.parse_args()
    logging.disable(logging.CRITICAL)
    warnings.simplefilter('ignore')
    pin_cpu_count()
    spec = use_sources(args.sources) if args.sources else None
    if args.kind:
        eps = spec['entry_points'] if spec else installed_entry_points()
        json.dump(kind_schema(kinds_of(args)[args.kind], eps), sys.stdout, default=str)
        return
    if args.policy:
        json.dump(policy_defaults(args.policy), sys.stdout, default=str)
        return
    out = {
        'release': args.release,
        'method': 'source' if spec else 'packages',
        'versions': {d: version(d, spec) for d in DISTS},
        'kinds': {k: child(args, '--kind', k) for k in sorted(kinds_of(args))},
        'auth': auth_schema(),
        'policies': {svc: child(args, '--policy', ns) for svc, ns in sorted(POLICY_NAMESPACES.items())},
    }
    json.dump(out, sys.stdout, sort_keys=True, separators=(',', ':'), default=str)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
