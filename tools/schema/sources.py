#!/usr/bin/env python3
"""Lay out the upstream sources of one OpenStack release for dump_schema.py.

Reads the public git repositories (bare mirrors, $MIRRORS/openstack+<repo>/repo)
and writes, under OUT:

  src/<dist>/          each project's tree at its tag (git archive)
  sources.json         {paths, entry_points: [[group, name, ref, dist]],
                       versions}: what
                       dump_schema.py --sources needs (paths as seen from
                       inside the chroot: PREFIX/src/<dist>)
  kinds.json           kind -> namespaces, from the release's own
                       oslo-config-generator files (KINDS of dump_schema.py
                       where a service has none)

Versions: the services at the last final release of the series in
openstack/releases (deliverables/<codename>/<project>.yaml), the libraries at
the versions upper-constraints.txt of openstack/requirements pins for the
series (stable/, unmaintained/ branch or the -eom/-eol tag); or every version
from --versions (a dump's "versions", for the differential test against a
Debian release). Entry points come from each tree's setup.cfg and pyproject.toml.

With --patches (the differential test), Debian's patches of each project are
applied to its tree, so that the trees are what Debian built.

usage: sources.py --series 2023.1 --out DIR --prefix /srv/src [--versions FILE]
                  [--patches DIR] [--kinds-only]
"""
import argparse
import configparser
import io
import json
import os
import re
import subprocess
import sys
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import dump_schema  # noqa: E402  (KINDS only; it imports nothing heavy at module level)

# distribution -> repository
REPOS = {
    'nova': 'nova', 'neutron': 'neutron', 'keystone': 'keystone', 'glance': 'glance',
    'openstack-placement': 'placement', 'cinder': 'cinder',
    'castellan': 'castellan', 'glance-store': 'glance_store', 'keystoneauth1': 'keystoneauth',
    'keystonemiddleware': 'keystonemiddleware', 'neutron-lib': 'neutron-lib',
    'os-brick': 'os-brick', 'os-ken': 'os-ken', 'os-vif': 'os-vif',
    'oslo.cache': 'oslo.cache', 'oslo.concurrency': 'oslo.concurrency',
    'oslo.config': 'oslo.config', 'oslo.db': 'oslo.db', 'oslo.limit': 'oslo.limit',
    'oslo.log': 'oslo.log', 'oslo.messaging': 'oslo.messaging',
    'oslo.middleware': 'oslo.middleware', 'oslo.policy': 'oslo.policy',
    'oslo.privsep': 'oslo.privsep', 'oslo.reports': 'oslo.reports',
    'oslo.service': 'oslo.service', 'oslo.utils': 'oslo.utils',
    'oslo.versionedobjects': 'oslo.versionedobjects', 'osprofiler': 'osprofiler',
    'ovsdbapp': 'ovsdbapp', 'oslo.metrics': 'oslo.metrics', 'os-traits': 'os-traits',
    'os-resource-classes': 'os-resource-classes',
}

SERVICES = ('nova', 'neutron', 'keystone', 'glance', 'openstack-placement', 'cinder')

# kind -> (distribution, generator files, newest path first)
GENERATORS = {
    'nova.conf': ('nova', ['etc/nova/nova-config-generator.conf']),
    'neutron.conf': ('neutron', ['etc/oslo-config-generator/neutron.conf']),
    'ml2_conf.ini': ('neutron', ['etc/oslo-config-generator/ml2_conf.ini']),
    'linuxbridge_agent.ini': ('neutron', ['etc/oslo-config-generator/linuxbridge_agent.ini']),
    'openvswitch_agent.ini': ('neutron', ['etc/oslo-config-generator/openvswitch_agent.ini']),
    'l3_agent.ini': ('neutron', ['etc/oslo-config-generator/l3_agent.ini']),
    'dhcp_agent.ini': ('neutron', ['etc/oslo-config-generator/dhcp_agent.ini']),
    'metadata_agent.ini': ('neutron', ['etc/oslo-config-generator/metadata_agent.ini']),
    'keystone.conf': ('keystone', ['config-generator/keystone.conf']),
    'glance-api.conf': ('glance', ['etc/oslo-config-generator/glance-api.conf']),
    'placement.conf': ('openstack-placement', ['etc/placement/config-generator.conf']),
    'cinder.conf': ('cinder', ['tools/config/cinder-config-generator.conf',
                               'cinder/config/cinder-config-generator.conf']),
}


def git(repo, *args, binary=False):
    d = os.path.join(os.environ.get('MIRRORS', '/work/.mirror'), 'openstack+' + repo, 'repo')
    r = subprocess.run(['git', '--git-dir', d] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if r.returncode != 0:
        return None
    return r.stdout if binary else r.stdout.decode('utf-8', 'replace')


def codename(series):
    """release-id -> name from openstack/releases data/series_status.yaml;
    a name is returned as is."""
    text = git('releases', 'show', 'HEAD:data/series_status.yaml') or ''
    for name, rid in re.findall(r'- name: (\S+)\n\s+release-id: (\S+)', text):
        if series in (name, rid):
            return name, rid
    return series, series


def final_version(deliverable_yaml):
    """The last final (not rc, not beta) version a deliverable file lists."""
    # "version:" is not always a release item's first key (- projects: ...)
    vs = re.findall(r'^\s*(?:- )?version: "?([^"\s]+)"?', deliverable_yaml or '', re.M)
    final = [v for v in vs if re.match(r'^\d+(\.\d+)*$', v)]
    return max(final, key=lambda v: [int(x) for x in v.split('.')]) if final else None


def deliverable(name, repo):
    """Whether openstack/releases has a deliverable file for repo in the
    series (placement has none before Stein: it was part of nova)."""
    return git('releases', 'show', 'HEAD:deliverables/%s/%s.yaml' % (name, repo)) is not None


def service_versions(name):
    out = {}
    for dist in SERVICES:
        repo = REPOS[dist]
        out[dist] = final_version(git('releases', 'show', 'HEAD:deliverables/%s/%s.yaml' % (name, repo)))
    return out


def constraints_ref(name, rid):
    for ref in ('stable/' + rid, 'stable/' + name, 'unmaintained/' + rid, 'unmaintained/' + name,
                rid + '-eom', name + '-eom', rid + '-eol', name + '-eol'):
        if git('requirements', 'rev-parse', '--verify', '-q', ref + '^{commit}'):
            return ref
    return None


def library_versions(name, rid):
    ref = constraints_ref(name, rid)
    text = git('requirements', 'show', '%s:upper-constraints.txt' % ref) if ref else None
    pins = {}
    for line in (text or '').splitlines():
        m = re.match(r'^([A-Za-z0-9_.\-]+)===([^;\s]+)', line)
        if m:
            pins[m.group(1).lower().replace('_', '-')] = m.group(2)
    out = {}
    for dist in REPOS:
        if dist in SERVICES:
            continue
        out[dist] = pins.get(dist.lower().replace('_', '-'))
    return out, ref


def tag_of(repo, version):
    if not version:
        return None
    for t in (version, version.replace('~', '.0'), version.replace('~', '')):
        if git(repo, 'rev-parse', '--verify', '-q', 'refs/tags/%s^{commit}' % t):
            return t
    return None


def entry_points(setup_cfg):
    """[entry_points] of a setup.cfg: group -> name -> 'module:attr'."""
    cp = configparser.RawConfigParser()
    cp.read_string(setup_cfg)
    out = {}
    if not cp.has_section('entry_points'):
        return out
    for group, text in cp.items('entry_points'):
        for line in text.splitlines():
            if '=' in line:
                name, ref = line.split('=', 1)
                out.setdefault(group.strip(), {})[name.strip()] = ref.strip()
    return out


def pyproject_entry_points(text):
    """[project.entry-points."group"] of a pyproject.toml (PEP 621; the
    projects moved there from setup.cfg in 2025): group -> name -> ref."""
    import tomllib
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}
    project = doc.get('project', {})
    out = {g: dict(m) for g, m in project.get('entry-points', {}).items()}
    if project.get('scripts'):
        out['console_scripts'] = dict(project['scripts'])
    return out


def tree_entry_points(tree):
    """A tree's entry points: setup.cfg's, then pyproject.toml's."""
    out = {}
    for name, parse in (('setup.cfg', entry_points), ('pyproject.toml', pyproject_entry_points)):
        path = os.path.join(tree, name)
        if os.path.exists(path):
            with open(path) as f:
                for group, m in parse(f.read()).items():
                    out.setdefault(group, {}).update(m)
    return out


def namespaces(text):
    return [l.split('=', 1)[1].strip() for l in text.splitlines()
            if re.match(r'^\s*namespace\s*=', l)]


def kinds(tags, versions):
    """kind -> namespaces from the service's generator file at its tag; for
    a version newer than the mirror's tags (a packaged release the mirrors
    predate), the mirror's HEAD, the branch that became it; else the Zed
    lists of dump_schema.KINDS. origin says which, per kind."""
    out, origin = {}, {}
    for kind, base in dump_schema.KINDS.items():
        out[kind], origin[kind] = base.split(), 'zed-list'
    for kind, (dist, paths) in GENERATORS.items():
        tag = tags.get(dist) or (versions.get(dist) and 'HEAD')
        for p in paths:
            text = git(REPOS[dist], 'show', '%s:%s' % (tag, p)) if tag else None
            if text:
                out[kind], origin[kind] = namespaces(text), '%s %s:%s' % (REPOS[dist], tag, p)
                break
    return out, origin


def export(repo, tag, dest):
    data = git(repo, 'archive', '--format=tar', tag, binary=True)
    os.makedirs(dest, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as tf:
        tf.extractall(dest)


def apply_patches(tree, patches):
    """Apply a quilt series (Debian's debian/patches) to a tree; returns
    the patches applied and those that failed."""
    series = os.path.join(patches, 'series')
    applied, failed = [], []
    if not os.path.exists(series):
        return applied, failed
    with open(series) as f:
        names = [l.split()[0] for l in f if l.strip() and not l.startswith('#')]
    for name in names:
        r = subprocess.run(['patch', '-p1', '-s', '-N', '-d', tree, '-i',
                            os.path.join(patches, name)],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        (applied if r.returncode == 0 else failed).append(name)
    return applied, failed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--series', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--prefix', required=True, help='OUT as seen from inside the chroot')
    ap.add_argument('--versions', help='JSON dist -> version (a dump\'s "versions")')
    ap.add_argument('--kinds-only', action='store_true')
    ap.add_argument('--patches', help="DIR/<dist>/debian/patches: Debian's patches to apply")
    args = ap.parse_args()
    name, rid = codename(args.series)
    if args.versions:
        with open(args.versions) as f:
            versions = {d: v for d, v in json.load(f).items() if d in REPOS}
        ref = 'given'
    else:
        versions = service_versions(name)
        libs, ref = library_versions(name, rid)
        versions.update(libs)
    tags = {d: tag_of(REPOS[d], v) for d, v in versions.items()}
    untagged = sorted(d for d in SERVICES if not tags.get(d) and deliverable(name, REPOS[d]))
    untagged += sorted('%s %s' % (d, v) for d, v in versions.items()
                       if v and d not in SERVICES and not tags.get(d))
    if untagged and not args.kinds_only:
        # the dump would take the chroot's packaged code instead: refuse
        sys.exit('sources.py: %s: the mirrors have no tag for %s' % (args.series, ', '.join(untagged)))
    os.makedirs(args.out, exist_ok=True)
    kind_map, origin = kinds(tags, versions)
    with open(os.path.join(args.out, 'kinds.json'), 'w') as f:
        json.dump(kind_map, f, indent=1, sort_keys=True)
    report = {'series': rid, 'codename': name, 'constraints': ref, 'tags': tags, 'kinds': origin}
    if not args.kinds_only:
        paths, eps = [], []
        for dist in sorted(tags):
            tag = tags[dist]
            if not tag:
                continue
            export(REPOS[dist], tag, os.path.join(args.out, 'src', dist))
            if args.patches:
                applied, failed = apply_patches(os.path.join(args.out, 'src', dist),
                                                os.path.join(args.patches, dist, 'debian', 'patches'))
                if applied or failed:
                    report.setdefault('patches', {})[dist] = {'applied': applied, 'failed': failed}
            paths.append(os.path.join(args.prefix, 'src', dist))
            for group, m in sorted(tree_entry_points(os.path.join(args.out, 'src', dist)).items()):
                eps += [[group, name, ref, dist] for name, ref in sorted(m.items())]
        spec = {'paths': paths, 'entry_points': eps,
                'versions': {d: v for d, v in versions.items() if tags.get(d)}}
        with open(os.path.join(args.out, 'sources.json'), 'w') as f:
            json.dump(spec, f, indent=1, sort_keys=True)
    json.dump(report, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
