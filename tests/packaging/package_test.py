#!/usr/bin/python3
"""The Debian packages, built with cpack from this build tree and checked as a packager would.

    package_test.py --build-dir DIR --source-dir DIR

1. `cpack -G DEB --config DIR/CPackConfig.cmake -B TMP` builds leadtrail_*.deb
   and leadtrail-relay_*.deb (debug binaries in the dev build are fine: the
   checks are about what is shipped and declared, not how fast it runs).
2. `dpkg-deb -c`: the files each package must ship, and nothing that belongs
   to the other package.
3. `dpkg-deb -f` / `-I`: names, version, architecture, sections, the
   Depends that dpkg-shlibdeps computed from the binaries plus the declared
   ones, and the relay's maintainer scripts.
4. `lintian`: no error. Tags the project chose to override are listed in the
   packages' own lintian overrides (installer/debian/*/lintian-overrides),
   each with its reason; this test suppresses nothing by itself.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def run(*args, ok=True, timeout=120):
    proc = subprocess.run(list(args), capture_output=True, text=True, timeout=timeout)
    if ok and proc.returncode != 0:
        raise Failure("%s exited %d:\n%s%s" % (" ".join(args), proc.returncode, proc.stdout[-3000:],
                                               proc.stderr[-3000:]))
    return proc


def contents(deb):
    """The paths a package installs, as ./usr/... (directories end in /), with their modes."""
    out = {}
    for line in run("dpkg-deb", "-c", deb).stdout.splitlines():
        fields = line.split(None, 5)
        path = fields[5].split(" -> ")[0]
        out[path] = fields[0]
    return out


def field(deb, name):
    return run("dpkg-deb", "-f", deb, name).stdout.strip()


def depends(deb):
    """Depends as a set of package names (version constraints and alternatives dropped)."""
    names = set()
    for part in field(deb, "Depends").split(","):
        for alt in part.split("|"):
            alt = alt.strip()
            if alt:
                names.add(re.split(r"[ (]", alt)[0])
    return names


def check_desktop(deb, version):
    files = contents(deb)
    for path in ["./usr/bin/leadtrail", "./usr/bin/leadtrail-cli",
                 "./usr/share/applications/leadtrail.desktop",
                 "./usr/share/metainfo/io.leadtrail.Leadtrail.metainfo.xml",
                 "./usr/share/icons/hicolor/scalable/apps/leadtrail.svg",
                 "./usr/share/doc/leadtrail/copyright",
                 "./usr/share/doc/leadtrail/changelog.gz",
                 "./usr/share/doc/leadtrail/README.md",
                 "./usr/share/man/man1/leadtrail.1.gz", "./usr/share/man/man1/leadtrail-cli.1.gz"]:
        check(path in files, "leadtrail: %s missing from dpkg-deb -c:\n%s" % (path, "\n".join(sorted(files))))
    for path in ["./usr/bin/leadtrail", "./usr/bin/leadtrail-cli"]:
        check(files[path] == "-rwxr-xr-x", "leadtrail: %s has mode %s" % (path, files[path]))
    check(not any("leadtrail-relay" in p for p in files), "leadtrail ships relay files")
    check(not any("/../" in p or p.endswith("/..") for p in files), "leadtrail: a path with '..'")

    check(field(deb, "Package") == "leadtrail", "Package is %r" % field(deb, "Package"))
    check(field(deb, "Version") == version, "leadtrail Version %r, project says %r" % (field(deb, "Version"), version))
    check(field(deb, "Section") == "mail", "leadtrail Section %r" % field(deb, "Section"))
    check(field(deb, "Architecture") == run("dpkg", "--print-architecture").stdout.strip(), "leadtrail Architecture")
    deps = depends(deb)
    # Computed by dpkg-shlibdeps from what the binaries link...
    for lib in ["libc6", "libqt6core6", "libqt6sql6", "libqt6network6", "libqt6widgets6", "libqt6charts6"]:
        check(lib in deps, "leadtrail Depends lacks %s (computed from the binaries?): %s" % (lib, deps))
    check(any(d.startswith("libpoco") for d in deps), "leadtrail Depends lacks Poco: %s" % deps)
    # ...and declared: plugins that are loaded at run time, which no linker sees.
    for plugin in ["libqt6sql6-sqlite", "libqt6svg6", "qt6-qpa-plugins"]:
        check(plugin in deps, "leadtrail Depends lacks %s: %s" % (plugin, deps))

    # Translations are compiled into the program (qt_add_translations, :/i18n);
    # Qt stores resource names in UTF-16BE.
    with tempfile.TemporaryDirectory() as root:
        run("dpkg-deb", "-x", deb, root)
        with open(os.path.join(root, "usr/bin/leadtrail"), "rb") as f:
            binary = f.read()
        check("leadtrail_de.qm".encode("utf-16-be") in binary, "the German translation is not in usr/bin/leadtrail")
        desktop = run("desktop-file-validate", os.path.join(root, "usr/share/applications/leadtrail.desktop"),
                      ok=False) if shutil.which("desktop-file-validate") else None
        if desktop is not None:
            check(desktop.returncode == 0, "desktop-file-validate: %s%s" % (desktop.stdout, desktop.stderr))


def check_relay(deb, version):
    files = contents(deb)
    for path in ["./usr/bin/leadtrail-relay",
                 "./usr/lib/systemd/system/leadtrail-relay.service",
                 "./usr/share/leadtrail-relay/scanners.txt",
                 "./usr/share/leadtrail-relay/apple-mpp-ranges.txt",
                 "./usr/share/doc/leadtrail-relay/leadtrail-relay.conf.sample",
                 "./usr/share/doc/leadtrail-relay/deploying-the-relay.md",
                 "./usr/share/doc/leadtrail-relay/copyright",
                 "./usr/share/doc/leadtrail-relay/changelog.gz",
                 "./usr/share/man/man1/leadtrail-relay.1.gz"]:
        check(path in files, "leadtrail-relay: %s missing from dpkg-deb -c:\n%s" % (path, "\n".join(sorted(files))))
    check(files["./usr/bin/leadtrail-relay"] == "-rwxr-xr-x", "leadtrail-relay binary mode")
    check(not any(p in files for p in ["./usr/bin/leadtrail", "./usr/bin/leadtrail-cli"]), "the relay ships the app")
    # The data directory and config belong to postinst (owned by the relay's user), not to the archive.
    check(not any(p.startswith("./var/") or p.startswith("./etc/leadtrail-relay/") for p in files),
          "leadtrail-relay ships files under /var or /etc/leadtrail-relay")

    check(field(deb, "Package") == "leadtrail-relay", "Package is %r" % field(deb, "Package"))
    check(field(deb, "Version") == version, "leadtrail-relay Version %r" % field(deb, "Version"))
    check(field(deb, "Section") == "net", "leadtrail-relay Section %r" % field(deb, "Section"))
    deps = depends(deb)
    check("libc6" in deps and "adduser" in deps, "leadtrail-relay Depends: %s" % deps)
    check(any(d.startswith("libpoco") for d in deps), "leadtrail-relay Depends lacks Poco: %s" % deps)
    check(not any(d.startswith("libqt6") for d in deps), "the relay must not depend on Qt: %s" % deps)

    info = run("dpkg-deb", "-I", deb).stdout
    for script in ["postinst", "postrm"]:
        check(re.search(r"^\s+\d+ bytes,\s+\d+ lines\s+\*\s+%s\s" % script, info, re.M),
              "leadtrail-relay: %s missing or not executable in dpkg-deb -I:\n%s" % (script, info))
    with tempfile.TemporaryDirectory() as control:
        run("dpkg-deb", "-e", deb, control)
        with open(os.path.join(control, "postinst"), encoding="utf-8") as f:
            postinst = f.read()
        for needle in ["adduser --system", "/var/lib/leadtrail-relay"]:
            check(needle in postinst, "postinst does not contain %r" % needle)
        for script in ["postinst", "postrm"]:
            syntax = run("sh", "-n", os.path.join(control, script), ok=False)
            check(syntax.returncode == 0, "%s is not valid sh: %s" % (script, syntax.stderr))


def lintian(deb):
    """lintian's tags for one package; errors fail the test, the rest is shown."""
    proc = run("lintian", "--no-tag-display-limit", "--info", deb, ok=False, timeout=300)
    tags = [l for l in proc.stdout.splitlines() if re.match(r"^[EWIPNXO]: ", l)]
    errors = [l for l in tags if l.startswith("E: ")]
    warnings = [l for l in tags if l.startswith("W: ")]
    for l in errors + warnings:
        print("  " + l)
    check(proc.returncode in (0, 1, 2), "lintian failed to run (%d): %s" % (proc.returncode, proc.stderr[-2000:]))
    check(not errors, "lintian errors in %s:\n%s" % (os.path.basename(deb), "\n".join(errors)))
    return warnings


def project_version(build_dir):
    with open(os.path.join(build_dir, "CPackConfig.cmake"), encoding="utf-8") as f:
        m = re.search(r'set\(CPACK_PACKAGE_VERSION "([^"]+)"\)', f.read())
    check(m, "no CPACK_PACKAGE_VERSION in CPackConfig.cmake")
    return m.group(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--source-dir", required=True)
    args = parser.parse_args()
    for tool in ["cpack", "dpkg-deb", "dpkg-shlibdeps", "lintian"]:
        if not shutil.which(tool):
            print("FAIL: %s is not installed; scripts/deps installs it" % tool, file=sys.stderr)
            return 1

    with tempfile.TemporaryDirectory(prefix="leadtrail-packages-") as tmp:
        try:
            run("cpack", "-G", "DEB", "--config", os.path.join(args.build_dir, "CPackConfig.cmake"), "-B", tmp,
                timeout=600)
            debs = sorted(f for f in os.listdir(tmp) if f.endswith(".deb"))
            print("cpack wrote: %s" % ", ".join(debs))
            desktop = [f for f in debs if f.startswith("leadtrail_")]
            relay = [f for f in debs if f.startswith("leadtrail-relay_")]
            check(len(desktop) == 1 and len(relay) == 1 and len(debs) == 2, "expected two packages, got %r" % debs)
            version = project_version(args.build_dir)
            check_desktop(os.path.join(tmp, desktop[0]), version)
            check_relay(os.path.join(tmp, relay[0]), version)
            for deb in (desktop[0], relay[0]):
                print("lintian %s:" % deb)
                lintian(os.path.join(tmp, deb))
        except Failure as e:
            print("FAIL: %s" % e, file=sys.stderr)
            return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
