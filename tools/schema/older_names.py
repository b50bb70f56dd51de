#!/usr/bin/env python3
"""Option names of the OpenStack releases older than Stein, by a static
reading of the sources (Python 3 standard library only).

For each release (icehouse .. rocky) and service (nova, neutron, keystone,
glance, cinder; placement was part of nova before Stein), reads the
service's own package tree (tests excluded) and the libraries it requires
(oslo.*, keystonemiddleware, keystoneauth1, python-keystoneclient,
glance_store, os-brick, os-vif, neutron-lib, ovsdbapp, castellan,
osprofiler...) from the bare git mirrors $MIRRORS/openstack+<repo>/repo
(default /work/.mirror; read with git ls-tree / cat-file, never checked
out), and collects every option the code defines: each call whose callee
name ends in `Opt` (cfg.StrOpt, cfg.IntOpt, ..., keystoneauth's
loading.Opt) with a string first argument (or name=), with its
deprecated_name / deprecated_group / deprecated_opts names. Names are dests
('-' becomes '_').

Groups are resolved by a simple static reading: register_opt(s) /
register_cli_opt(s) calls (group= or the second argument: a string, a
module or function constant, an OptGroup or its .name, None = DEFAULT; no
group = DEFAULT), and (group, opts) pairs or {group: opts} dicts anywhere
(list_opts()); the opts expression may be a list, a concatenation, an
itertools.chain, a copy, a comprehension, a name imported from another
module or a call of a function returning one. An option no resolved
registration reaches is recorded in group "*" (any group).

Versions: each service at the last final version openstack/releases lists
for the series; each library at the version upper-constraints.txt of
openstack/requirements pins (tag <series>-eol) when the pin satisfies the
service's requirements.txt, otherwise (Icehouse and Juno have no
constraints; Kilo's were written in Liberty) the newest final tag that
satisfies it and is dated before the service's tag.

Files that do not parse as Python 3 get light fix-ups (print statements,
`except X, e`, octal and long literals, ur'' strings, `raise E, v`, `<>`,
exec, backticks, tabs); those still failing are read by a regular
expression (options in group "*") and counted as unread.

usage: older_names.py [--out internal/schema/data/older.json.gz]
       older_names.py --check-stein [--schema internal/schema/data/stein.json.gz]
"""
import argparse
import ast
import gzip
import json
import os
import re
import subprocess
import sys

RELEASES = ['icehouse', 'juno', 'kilo', 'liberty', 'mitaka', 'newton', 'ocata', 'pike',
            'queens', 'rocky']
SERVICES = ['nova', 'neutron', 'keystone', 'glance', 'cinder']

# distribution (normalised: lower case, '_' -> '-') -> repository mirror
LIBRARIES = {
    'castellan': 'castellan', 'glance-store': 'glance_store', 'keystoneauth1': 'keystoneauth',
    'keystonemiddleware': 'keystonemiddleware', 'neutron-lib': 'neutron-lib',
    'os-brick': 'os-brick', 'os-ken': 'os-ken', 'os-vif': 'os-vif',
    'oslo.cache': 'oslo.cache', 'oslo.concurrency': 'oslo.concurrency',
    'oslo.db': 'oslo.db', 'oslo.limit': 'oslo.limit',
    'oslo.log': 'oslo.log', 'oslo.messaging': 'oslo.messaging',
    'oslo.middleware': 'oslo.middleware', 'oslo.policy': 'oslo.policy',
    'oslo.privsep': 'oslo.privsep', 'oslo.reports': 'oslo.reports',
    'oslo.service': 'oslo.service', 'oslo.utils': 'oslo.utils',
    'oslo.versionedobjects': 'oslo.versionedobjects', 'osprofiler': 'osprofiler',
    'ovsdbapp': 'ovsdbapp', 'oslo.metrics': 'oslo.metrics',
    'python-keystoneclient': 'python-keystoneclient',
}
# oslo.config is not read: its own options are command-line ones
# (config_file, config_dir) or live in groups the deployer names
# (config_source drivers), which would put common names (driver, uri) in "*".
# A library a required library loads into the service's configuration:
# keystonemiddleware's auth_token loads keystoneauth1's (or, before it,
# keystoneclient's) auth plugins into [keystone_authtoken].
IMPLIED = {'keystonemiddleware': ['keystoneauth1', 'python-keystoneclient']}

# Stein schema kinds -> service (the differential check)
KINDS = {
    'nova.conf': 'nova', 'neutron.conf': 'neutron', 'ml2_conf.ini': 'neutron',
    'l3_agent.ini': 'neutron', 'dhcp_agent.ini': 'neutron', 'metadata_agent.ini': 'neutron',
    'openvswitch_agent.ini': 'neutron', 'linuxbridge_agent.ini': 'neutron', 'ovn': 'neutron',
    'keystone.conf': 'keystone', 'glance-api.conf': 'glance', 'cinder.conf': 'cinder',
}

SKIP_DIRS = {'tests', 'test', 'functional', 'unit', 'doc', 'docs', 'releasenotes', 'tools',
             'examples', 'contrib_tests', 'api-ref', 'playbooks', 'devstack', 'rally-jobs',
             'hacking'}
REGISTER = {'register_opts', 'register_opt', 'register_cli_opts', 'register_cli_opt'}
ANY = '*'


# ---------------------------------------------------------------- git

def mirror(repo):
    return os.path.join(os.environ.get('MIRRORS', '/work/.mirror'), 'openstack+' + repo, 'repo')


def git(repo, *args):
    r = subprocess.run(['git', '--git-dir', mirror(repo)] + list(args),
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return r.stdout.decode('utf-8', 'replace') if r.returncode == 0 else None


def cat_files(repo, ref, paths):
    """{path: text} of paths at ref, through one git cat-file --batch."""
    if not paths:
        return {}
    inp = ''.join('%s:%s\n' % (ref, p) for p in paths).encode()
    r = subprocess.run(['git', '--git-dir', mirror(repo), 'cat-file', '--batch'], input=inp,
                       stdout=subprocess.PIPE, check=True)
    out, buf, pos = {}, r.stdout, 0
    for p in paths:
        nl = buf.index(b'\n', pos)
        header = buf[pos:nl].split()
        pos = nl + 1
        if len(header) < 3 or header[1] == b'missing':
            continue
        size = int(header[2])
        out[p] = buf[pos:pos + size].decode('utf-8', 'replace')
        pos += size + 1
    return out


# ---------------------------------------------------------------- versions

def vkey(v):
    """A sortable key of a version: final > rc > b > a at equal numbers."""
    m = re.match(r'^(\d+(?:\.\d+)*)(?:\.?(a|b|rc|0a|0b|0rc)(\d*))?', v)
    if not m:
        return ((0,), 0, 0)
    nums = tuple(int(x) for x in m.group(1).split('.'))
    while len(nums) > 1 and nums[-1] == 0:
        nums = nums[:-1]
    pre = {'a': 1, '0a': 1, 'b': 2, '0b': 2, 'rc': 3, '0rc': 3}.get(m.group(2), 4)
    return (nums, pre, int(m.group(3) or 0))


def satisfies(version, spec):
    for part in spec.split(','):
        m = re.match(r'\s*(>=|<=|==|!=|<|>|===|~=)\s*([^\s;#]+)', part)
        if not m:
            continue
        op, want = m.group(1), m.group(2)
        a, b = vkey(version), vkey(want)
        ok = {'>=': a >= b, '<=': a <= b, '<': a < b, '>': a > b, '==': a == b, '===': a == b,
              '!=': a != b, '~=': a >= b}[op]
        if not ok:
            return False
    return True


def norm(dist):
    return dist.strip().lower().replace('_', '-')


def extras(setup_cfg):
    """The requirement lines of a setup.cfg's [extras] (osprofiler, ...)."""
    m = re.search(r'^\[extras\]\n(.*?)(?=^\[|\Z)', setup_cfg or '', re.M | re.S)
    lines = (m.group(1) if m else '').splitlines()
    return [l.strip() for l in lines if l.startswith((' ', '\t')) and l.strip()]


def requirements(repo, tag):
    """{normalised distribution: specifier} of a tree's requirements.txt and
    setup.cfg extras (optional features a deployment may turn on)."""
    out = {}
    lines = (git(repo, 'show', '%s:requirements.txt' % tag) or '').splitlines()
    lines += extras(git(repo, 'show', '%s:setup.cfg' % tag))
    for line in lines:
        line = line.split('#', 1)[0].strip()
        m = re.match(r'^([A-Za-z0-9_.\-]+)\s*(.*)$', line)
        if m:
            out[norm(m.group(1))] = m.group(2).split(';', 1)[0]
    return out


def final_version(text):
    vs = re.findall(r'^\s*(?:- )?version: "?([^"\s]+)"?', text or '', re.M)
    final = [v for v in vs if re.match(r'^\d+(\.\d+)*$', v)]
    return max(final, key=vkey) if final else None


def service_version(release, repo):
    v = final_version(git('releases', 'show', 'HEAD:deliverables/%s/%s.yaml' % (release, repo)))
    if v and git(repo, 'rev-parse', '--verify', '-q', 'refs/tags/%s^{commit}' % v):
        return v
    return '%s-eol' % release


def tag_dates(repo):
    """[(version, unix time)] of a repository's final version tags."""
    text = git(repo, 'for-each-ref', '--format=%(refname:short) %(creatordate:unix)',
               'refs/tags') or ''
    out = []
    for line in text.splitlines():
        name, _, date = line.partition(' ')
        if re.match(r'^\d+(\.\d+)*$', name):
            out.append((name, int(date or 0)))
    return out


def constraints(release):
    text = git('requirements', 'show', '%s-eol:upper-constraints.txt' % release) or ''
    pins = {}
    for line in text.splitlines():
        m = re.match(r'^([A-Za-z0-9_.\-]+)===([^;\s]+)', line)
        if m:
            pins[norm(m.group(1))] = m.group(2)
    return pins


def pick(dist, spec, pins, when, dates):
    """The version of a library: the release's constraint when it satisfies
    spec, else the newest final tag satisfying spec dated before when."""
    lib = LIBRARIES[dist]
    pin = pins.get(dist)
    if pin and satisfies(pin, spec) and git(lib, 'rev-parse', '--verify', '-q',
                                           'refs/tags/%s^{commit}' % pin):
        return pin
    if lib not in dates:
        dates[lib] = tag_dates(lib)
    ok = [v for v, d in dates[lib] if d <= when and satisfies(v, spec)]
    return max(ok, key=vkey) if ok else None


def library_versions(repo, tag, pins, dates):
    """{distribution: tag} of the libraries a service at tag requires (and
    those IMPLIED by them, as the requiring library's requirements say)."""
    reqs = requirements(repo, tag)
    when = int(git(repo, 'log', '-1', '--format=%ct', tag + '^{commit}') or 0)
    out = {}
    for dist, spec in sorted(reqs.items()):
        if dist in LIBRARIES:
            v = pick(dist, spec, pins, when, dates)
            if v:
                out[dist] = v
    for dist, implied in IMPLIED.items():
        if dist not in out:
            continue
        theirs = requirements(LIBRARIES[dist], out[dist])
        for i in implied:
            if i in theirs and i not in out:
                v = pick(i, theirs[i], pins, when, dates)
                if v:
                    out[i] = v
    return out


# ---------------------------------------------------------------- python 2 fix-ups

FIXUPS = [
    (re.compile(r'^(\s*)except\s+([^,:\n]+?)\s*,\s*(\w+)\s*:', re.M), r'\1except \2 as \3:'),
    (re.compile(r'^(\s*)print\s*>>.*$', re.M), r'\1pass'),
    (re.compile(r'^(\s*)print(\s+[^(\s=].*|\s*)$', re.M), r'\1pass'),
    (re.compile(r'^(\s*)raise\s+([\w.]+)\s*,\s*(.+)$', re.M), r'\1raise \2(\3)'),
    # raise E, v, tb (a whole line, brackets balanced): a bare raise
    (re.compile(r'^(\s*)raise\s+([^\n#]*,[^\n#]*)$', re.M),
     lambda m: m.group(1) + 'raise' if all(
         m.group(2).count(a) == m.group(2).count(b) for a, b in ('()', '[]')) else m.group(0)),
    (re.compile(r'^(\s*)exec\s+([^(\n].*)$', re.M), r'\1pass'),
    (re.compile(r'(?<![\w.])0+([0-7]+)(?![\w.])'), r'0o\1'),
    (re.compile(r'(?<![\w.])(\d+|0[xX][0-9a-fA-F]+)[lL]\b'), r'\1'),
    (re.compile(r'\b[uU]([rR]["\'])'), r'\1'),
    (re.compile(r'<>'), '!='),
    (re.compile(r'`([^`\n]*)`'), r'repr(\1)'),
    (re.compile(r'\basync\b(?!\s+(def|with|for)\b)'), 'async_'),
]

REGEX_OPT = re.compile(r'\b(\w*Opt)\s*\(\s*(?:name\s*=\s*)?[\'"]([^\'"]+)[\'"]')
REGEX_DEP = re.compile(r'deprecated_name\s*=\s*[\'"]([^\'"]+)[\'"]')


def parse(text):
    """(ast module, fixed) or (None, None)."""
    try:
        return ast.parse(text.lstrip('\ufeff')), False
    except (SyntaxError, ValueError):
        pass
    fixed = text.lstrip('\ufeff').expandtabs(8)
    for pat, rep in FIXUPS:
        fixed = pat.sub(rep, fixed)
    try:
        return ast.parse(fixed), True
    except (SyntaxError, ValueError):
        return None, None


# ---------------------------------------------------------------- per module reading

def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return '.'.join(reversed(parts))
    return None


def callee(node):
    f = node.func
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ''


def is_opt_call(node):
    if not isinstance(node, ast.Call):
        return False
    name = callee(node)
    return name.endswith('Opt') and name != 'DeprecatedOpt'


def arg(node, pos, kw):
    for k in node.keywords:
        if k.arg == kw:
            return k.value
    if len(node.args) > pos and not isinstance(node.args[pos], ast.Starred):
        return node.args[pos]
    return None


def const_str(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


class Scope:
    """A module's or a function's simple assignments: name -> [expr]."""

    def __init__(self, module, parent=None):
        self.module, self.parent, self.names, self.returns = module, parent, {}, []


class Module:
    def __init__(self, name, package):
        self.name, self.package = name, package
        self.scope = Scope(self)
        self.imports = {}    # alias -> dotted target
        self.stars = []      # modules imported with *
        self.functions = {}  # name -> Scope (module level functions and methods)
        self.opts = []       # Opt records
        self.registers = []  # (scope, opts expr, group expr or None, has group)
        self.pairs = []      # (scope, group expr, opts expr)


class Opt:
    __slots__ = ('name', 'same', 'other', 'groups', 'node', 'scope')

    def __init__(self, name):
        self.name = name
        self.node = self.scope = None   # the call, when read by ast
        self.same = set()    # deprecated names in the option's group
        self.other = set()   # (group expr or str, name) elsewhere
        self.groups = set()  # resolved groups; none: group "*"


def modname(path):
    p = path[:-3]
    if p.endswith('/__init__'):
        p = p[:-len('/__init__')]
    return '.'.join('async_' if x == 'async' else x for x in p.split('/'))


class Reader(ast.NodeVisitor):
    """Walks one module: assignments per scope, imports, Opt calls,
    register calls and (group, opts) pairs."""

    def __init__(self, mod, is_pkg):
        self.mod = mod
        self.is_pkg = is_pkg
        self.scope = mod.scope
        self.optnodes = {}

    def absolute(self, level, module):
        if not level:
            return module or ''
        parts = self.mod.name.split('.')
        base = parts if self.is_pkg else parts[:-1]
        if level > 1:
            base = base[:-(level - 1)]
        return '.'.join(base + ([module] if module else []))

    def visit_Import(self, node):
        for a in node.names:
            if a.asname:
                self.mod.imports[a.asname] = a.name
            else:
                top = a.name.split('.')[0]
                self.mod.imports[top] = top

    def visit_ImportFrom(self, node):
        base = self.absolute(node.level, node.module)
        for a in node.names:
            if a.name == '*':
                self.mod.stars.append(base)
            else:
                self.mod.imports[a.asname or a.name] = base + '.' + a.name

    def bind(self, target, value):
        if isinstance(target, ast.Name):
            self.scope.names.setdefault(target.id, []).append(value)
        elif isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, (ast.Tuple, ast.List)) \
                and len(target.elts) == len(value.elts):
            for t, v in zip(target.elts, value.elts):
                self.bind(t, v)

    def visit_Assign(self, node):
        for t in node.targets:
            self.bind(t, node.value)
        self.generic_visit(node)

    def visit_AnnAssign(self, node):
        if node.value is not None:
            self.bind(node.target, node.value)
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        self.bind(node.target, node.value)
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        outer = self.scope
        self.scope = Scope(self.mod, outer)
        self.mod.functions.setdefault(node.name, self.scope)
        self.generic_visit(node)
        self.scope = outer

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Return(self, node):
        if node.value is not None:
            self.scope.returns.append(node.value)
        self.generic_visit(node)

    def visit_Tuple(self, node):
        if len(node.elts) == 2:
            self.mod.pairs.append((self.scope, node.elts[0], node.elts[1]))
        self.generic_visit(node)

    def visit_Dict(self, node):
        for k, v in zip(node.keys, node.values):
            if k is not None:
                self.mod.pairs.append((self.scope, k, v))
        self.generic_visit(node)

    def visit_Call(self, node):
        name = callee(node)
        if name in REGISTER and isinstance(node.func, ast.Attribute):
            opts = arg(node, 0, 'opts' if name.endswith('s') else 'opt')
            group = arg(node, 1, 'group')
            if opts is not None:
                self.mod.registers.append((self.scope, opts, group))
        elif name in ('extend', 'append') and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.args:
            self.scope.names.setdefault(node.func.value.id, []).append(
                node.args[0] if name == 'extend' else ast.List(elts=[node.args[0]]))
        elif is_opt_call(node):
            self.opt(node)
        self.generic_visit(node)

    def opt(self, node):
        first = arg(node, 0, 'name')
        name = const_str(first)
        if name is None and not isinstance(first, (ast.Name, ast.Attribute)):
            return
        o = Opt(name.replace('-', '_') if name else None)
        o.node, o.scope = node, self.scope
        self.mod.opts.append(o)
        self.optnodes[id(node)] = o


# ---------------------------------------------------------------- resolution

class Tree:
    """Every module a service loads (its package and its libraries)."""

    def __init__(self):
        self.modules = {}
        self.optnodes = {}        # id(Call node) -> Opt
        self.consts = {}          # constant name -> set of string values (fallback)
        self.nodes = []           # keep parsed trees alive (ids stay unique)

    def add(self, mod, reader, tree):
        self.modules[mod.name] = mod
        self.optnodes.update(reader.optnodes)
        self.nodes.append(tree)
        for n, vs in mod.scope.names.items():
            for v in vs:
                s = const_str(v)
                if s is not None and n.isupper():
                    self.consts.setdefault(n, set()).add(s)

    def lookup(self, scope, name):
        """[(scope, expr)] a name may stand for, or a module name (str)."""
        s = scope
        while s is not None:
            if name in s.names:
                return [(s, v) for v in s.names[name]]
            s = s.parent
        mod = scope.module
        if name in mod.functions:
            return [('function', mod.functions[name])]
        if name in mod.imports:
            return self.target(mod.imports[name])
        for star in mod.stars:
            m = self.modules.get(star)
            if m is not None and (name in m.scope.names or name in m.functions):
                return self.lookup(m.scope, name)
        return []

    def target(self, dotted_name, depth=0):
        if dotted_name in self.modules:
            return dotted_name
        if depth > 8:
            return []
        modpart, _, attr = dotted_name.rpartition('.')
        m = self.modules.get(modpart)
        if m is None:
            sub = self.target(modpart, depth + 1) if modpart else []
            if isinstance(sub, str):
                m = self.modules.get(sub)
            if m is None:
                return []
        if attr in m.scope.names or attr in m.functions or attr in m.imports:
            return self.lookup(m.scope, attr)
        for star in m.stars:
            r = self.target(star + '.' + attr, depth + 1)
            if r:
                return r
        return []

    def resolve_ref(self, scope, node):
        """What a Name or Attribute chain stands for."""
        if isinstance(node, ast.Name):
            return self.lookup(scope, node.id)
        if isinstance(node, ast.Attribute):
            base = self.resolve_ref(scope, node.value)
            if isinstance(base, str):
                return self.target(base + '.' + node.attr)
        return []

    def opts(self, scope, node, seen=None, depth=0):
        """The Opt records an expression may evaluate to (a set of ids)."""
        out = {}
        if node is None or depth > 25:
            return out
        seen = seen if seen is not None else set()
        key = (id(scope), id(node))
        if key in seen:
            return out
        seen.add(key)
        rec = lambda n, s=scope: out.update(self.opts(s, n, seen, depth + 1))  # noqa: E731
        if isinstance(node, ast.Starred):
            rec(node.value)
            return out
        if isinstance(node, ast.Call):
            o = self.optnodes.get(id(node))
            if o is not None:
                out[id(o)] = o
                return out
            name = callee(node)
            if name in ('chain', 'list', 'tuple', 'deepcopy', 'copy', 'sorted', 'set',
                        'from_iterable'):
                for a in node.args:
                    rec(a)
                return out
            for s, v in self.refs(scope, node.func):
                if s == 'function':
                    for r in v.returns:
                        rec(r, v)
            return out
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            for e in node.elts:
                rec(e.value if isinstance(e, ast.Starred) else e)
        elif isinstance(node, ast.BinOp):
            rec(node.left)
            rec(node.right)
        elif isinstance(node, ast.IfExp):
            rec(node.body)
            rec(node.orelse)
        elif isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
            rec(node.elt)
            for g in node.generators:
                rec(g.iter)
        elif isinstance(node, ast.Subscript):
            rec(node.value)
        elif isinstance(node, (ast.Name, ast.Attribute)):
            for s, v in self.refs(scope, node):
                if s != 'function':
                    rec(v, s)
        return out

    def refs(self, scope, node):
        r = self.resolve_ref(scope, node)
        return [] if isinstance(r, str) else r

    def group(self, scope, node, depth=0):
        """A group name (DEFAULT for None), or None when not resolved."""
        if depth > 12 or node is None:
            return None
        if isinstance(node, ast.Constant):
            if node.value is None:
                return 'DEFAULT'
            return node.value if isinstance(node.value, str) else None
        if isinstance(node, ast.Call) and callee(node).endswith('OptGroup'):
            return self.group(scope, arg(node, 0, 'name'), depth + 1)
        if isinstance(node, ast.Attribute) and node.attr == 'name':
            g = self.group(scope, node.value, depth + 1)
            if g is not None:
                return g
        if isinstance(node, ast.Name) and node.id == '__name__':
            return scope.module.name
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Call) \
                and callee(node.value) == 'split' and isinstance(node.value.func, ast.Attribute):
            base = self.group(scope, node.value.func.value, depth + 1)
            sep = const_str(node.value.args[0]) if node.value.args else None
            idx = node.slice
            if base is not None and sep and isinstance(idx, ast.UnaryOp) \
                    and isinstance(idx.operand, ast.Constant):
                parts = base.split(sep)
                i = -idx.operand.value
                return parts[i] if -len(parts) <= i < len(parts) else None
            if base is not None and sep and isinstance(idx, ast.Constant):
                parts = base.split(sep)
                return parts[idx.value] if idx.value < len(parts) else None
            return None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            a = self.group(scope, node.left, depth + 1)
            b = self.group(scope, node.right, depth + 1)
            return a + b if a is not None and b is not None else None
        if isinstance(node, (ast.Name, ast.Attribute)):
            found = set()
            for s, v in self.refs(scope, node):
                if s != 'function':
                    g = self.group(s, v, depth + 1)
                    if g is None:
                        return None
                    found.add(g)
            if len(found) == 1:
                return found.pop()
            if not found:
                last = node.id if isinstance(node, ast.Name) else node.attr
                vals = self.consts.get(last, set())
                if len(vals) == 1 and last.isupper():
                    return next(iter(vals))
        return None

    def finish(self, o):
        """Fills an Opt's name (a constant) and deprecated names from its call."""
        node, scope = o.node, o.scope
        o.same, o.other = set(), set()
        if node is None:
            return
        if o.name is None:
            n = self.group(scope, arg(node, 0, 'name'))
            o.name = n.replace('-', '_') if n and n != 'DEFAULT' else None
        if o.name is None:
            return
        dname = self.group(scope, arg(node, 99, 'deprecated_name'))
        dname = dname.replace('-', '_') if dname and dname != 'DEFAULT' else None
        dgroup = arg(node, 99, 'deprecated_group')
        if dgroup is not None:
            o.other.add((self.group(scope, dgroup), dname or o.name))
        elif dname:
            o.same.add(dname)
        for d in self.calls(scope, arg(node, 99, 'deprecated_opts')):
            dn = self.group(scope, arg(d, 0, 'name'))
            dn = dn.replace('-', '_') if dn and dn != 'DEFAULT' else o.name
            dg = arg(d, 1, 'group')
            if dg is None or (isinstance(dg, ast.Constant) and dg.value is None):
                o.same.add(dn)
            else:
                o.other.add((self.group(scope, dg), dn))

    def calls(self, scope, node, depth=0):
        """The DeprecatedOpt calls a deprecated_opts expression lists."""
        if node is None or depth > 8:
            return []
        if isinstance(node, ast.Call) and callee(node) == 'DeprecatedOpt':
            return [node]
        out = []
        if isinstance(node, (ast.List, ast.Tuple)):
            for e in node.elts:
                out += self.calls(scope, e, depth + 1)
        elif isinstance(node, ast.BinOp):
            out += self.calls(scope, node.left, depth + 1) + self.calls(scope, node.right, depth + 1)
        elif isinstance(node, (ast.Name, ast.Attribute)):
            for s, v in self.refs(scope, node):
                if s != 'function':
                    out += self.calls(s, v, depth + 1)
        return out

    def resolve(self):
        for mod in self.modules.values():
            for o in mod.opts:
                self.finish(o)
        for mod in self.modules.values():
            for scope, opts, group in mod.registers:
                g = 'DEFAULT' if group is None else self.group(scope, group)
                if g is None:
                    continue  # a group passed in: the option may still be listed elsewhere
                for o in self.opts(scope, opts).values():
                    o.groups.add(g)
            for scope, gnode, onode in mod.pairs:
                if not isinstance(gnode, (ast.Constant, ast.Name, ast.Attribute, ast.Call,
                                          ast.Subscript, ast.BinOp)):
                    continue
                found = self.opts(scope, onode)
                if not found:
                    continue
                g = self.group(scope, gnode)
                if g is None:
                    continue
                for o in found.values():
                    o.groups.add(g)

    def names(self):
        """group -> set of names every Opt of the tree makes readable."""
        out = {}

        def add(g, n):
            g = g if g in ('DEFAULT', ANY) else g.lower()
            out.setdefault(g, set()).add(n)

        for mod in self.modules.values():
            for o in mod.opts:
                if o.name is None:
                    continue
                groups = o.groups or {ANY}
                for g in groups:
                    add(g, o.name)
                    for d in o.same:
                        add(g, d)
                for g, d in o.other:
                    add(g if g is not None else ANY, d)
        return out


# ---------------------------------------------------------------- reading trees

class Stats:
    def __init__(self):
        self.files = 0
        self.fixed = 0
        self.unread = []


CACHE = {}


def read_project(repo, ref, package, stats):
    """[(Module, Reader, ast)] of a tree's .py files (package dirs only when
    package is given; tests and docs never), cached by (repo, ref)."""
    key = (repo, ref, package)
    if key in CACHE:
        files, fixed, unread = CACHE[key]
        stats.files += len(files)
        stats.fixed += fixed
        stats.unread.extend(unread)
        return files
    listing = git(repo, 'ls-tree', '-r', '--name-only', ref) or ''
    paths = []
    for p in listing.splitlines():
        if not p.endswith('.py') or p == 'setup.py':
            continue
        parts = p.split('/')
        if package and parts[0] != package:
            continue
        if any(x in SKIP_DIRS for x in parts[:-1]) or parts[-1].startswith('test_'):
            continue
        if len(parts) == 1:
            continue
        paths.append(p)
    texts = cat_files(repo, ref, paths)
    files, fixed, unread = [], 0, []
    for p in sorted(texts):
        text = texts[p]
        tree, was_fixed = parse(text)
        mod = Module(modname(p), p.endswith('__init__.py'))
        if tree is None:
            unread.append('%s@%s:%s' % (repo, ref, p))
            for m in REGEX_OPT.finditer(text):
                if m.group(1) != 'DeprecatedOpt':
                    mod.opts.append(Opt(m.group(2).replace('-', '_')))
            for m in REGEX_DEP.finditer(text):
                mod.opts.append(Opt(m.group(1).replace('-', '_')))
            files.append((mod, None, None))
            continue
        fixed += bool(was_fixed)
        r = Reader(mod, p.endswith('__init__.py'))
        r.visit(tree)
        files.append((mod, r, tree))
    CACHE[key] = (files, fixed, unread)
    stats.files += len(files)
    stats.fixed += fixed
    stats.unread.extend(unread)
    return files


def reset(files):
    for mod, _, _ in files:
        for o in mod.opts:
            o.groups = set()
            if o.node is not None and isinstance(arg(o.node, 0, 'name'), (ast.Name, ast.Attribute)):
                o.name = None


def service_names(service, tag, libs, stats):
    """group -> sorted names one service at tag reads, with its libraries."""
    tree = Tree()
    projects = [(service, tag, service)] + [(LIBRARIES[d], v, None) for d, v in sorted(libs.items())]
    for repo, ref, package in projects:
        files = read_project(repo, ref, package, stats)
        reset(files)
        for mod, reader, node in files:
            if reader is None:
                tree.modules.setdefault(mod.name, mod)
            else:
                tree.add(mod, reader, node)
    tree.resolve()
    return {g: sorted(ns) for g, ns in tree.names().items()}


def release_names(release, log=sys.stderr):
    pins = constraints(release)
    dates = {}
    versions, services, unread, per_lib = {}, {}, {}, {}
    for svc in SERVICES:
        tag = service_version(release, svc)
        libs = library_versions(svc, tag, pins, dates)
        stats = Stats()
        services[svc] = service_names(svc, tag, libs, stats)
        versions[svc] = tag
        for d, v in libs.items():
            per_lib.setdefault(d, {})[svc] = v
        unread[svc] = stats
        n = sum(len(v) for v in services[svc].values())
        print('%-9s %-8s %-10s names %5d  groups %3d  files %5d  fixed-up %3d  unread %d'
              % (release, svc, tag, n, len(services[svc]), stats.files, stats.fixed,
                 len(stats.unread)), file=log)
        for u in stats.unread:
            print('    unread: %s' % u, file=log)
    for d, by in per_lib.items():
        vs = set(by.values())
        # one version when every service reads the same, else service=version
        versions[d] = vs.pop() if len(vs) == 1 else ' '.join(
            '%s=%s' % (svc, v) for svc, v in sorted(by.items()))
    return versions, services, unread


# ---------------------------------------------------------------- modes

def build(out):
    doc = {'releases': RELEASES, 'versions': {}, 'services': {}}
    for rel in RELEASES:
        doc['versions'][rel], doc['services'][rel], _ = release_names(rel)
    raw = json.dumps(doc, sort_keys=True, separators=(',', ':')).encode()
    with open(out, 'wb') as f:
        with gzip.GzipFile(filename='', mode='wb', fileobj=f, compresslevel=9, mtime=0) as z:
            z.write(raw)
    print('%s: %d bytes (%d JSON)' % (out, os.path.getsize(out), len(raw)), file=sys.stderr)


def stein_pairs(path):
    with gzip.open(path) as f:
        doc = json.load(f)
    out = {}
    for kind, k in doc['kinds'].items():
        svc = KINDS.get(kind)
        if not svc:
            continue
        pairs = out.setdefault(svc, set())
        for g, opts in k['groups'].items():
            for dest, o in opts.items():
                pairs.add((g if g == 'DEFAULT' else g.lower(), dest))
                for dg, dn in o.get('dep') or []:
                    dg = g if dg is None else dg
                    pairs.add((dg if dg == 'DEFAULT' else dg.lower(), (dn or dest).replace('-', '_')))
    return out


def check_stein(schema):
    want = stein_pairs(schema)
    _, got, _ = release_names('stein')
    total = found = strict = 0
    for svc in SERVICES:
        have = {(g, n) for g, ns in got[svc].items() for n in ns}
        anyn = set(got[svc].get(ANY, []))
        miss = sorted(p for p in want[svc] if p not in have and p[1] not in anyn)
        extra = sorted(p for p in have if p[0] != ANY and p not in want[svc])
        f = len(want[svc]) - len(miss)
        exact = len([p for p in want[svc] if p in have])
        total += len(want[svc])
        found += f
        strict += exact
        print('%-8s schema pairs %5d  found %5d  recall %.1f %% (%.1f %% in their own group)  '
              'static-only pairs %d (%d names in *)'
              % (svc, len(want[svc]), f, 100.0 * f / max(1, len(want[svc])),
                 100.0 * exact / max(1, len(want[svc])), len(extra), len(anyn)))
        for g, n in miss:
            print('    missing [%s] %s' % (g, n))
        groups = {}
        for g, n in extra:
            groups.setdefault(g, []).append(n)
        for g in sorted(groups):
            print('    static only [%s] %d: %s' % (g, len(groups[g]), ' '.join(groups[g][:12])))
    print('all      schema pairs %5d  found %5d  recall %.1f %% (%.1f %% in their own group)'
          % (total, found, 100.0 * found / total, 100.0 * strict / total))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    data = os.path.join(here, '..', '..', 'internal', 'schema', 'data')
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--out', default=os.path.join(data, 'older.json.gz'))
    ap.add_argument('--check-stein', action='store_true')
    ap.add_argument('--schema', default=os.path.join(data, 'stein.json.gz'))
    a = ap.parse_args()
    sys.setrecursionlimit(10000)
    if a.check_stein:
        check_stein(a.schema)
    else:
        build(a.out)


if __name__ == '__main__':
    main()
