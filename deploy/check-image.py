#!/usr/bin/env python3
"""Checks one image tarball written by the "images" profile: tag, non-root user, exposed port and
the container JVM flags. Usage: check-image.py TARBALL IMAGE_NAME PORT"""
import json
import sys
import tarfile

tarball, name, port = sys.argv[1], sys.argv[2], sys.argv[3]
with tarfile.open(tarball) as image:
    manifest = json.load(image.extractfile("manifest.json"))[0]
    config = json.load(image.extractfile(manifest["Config"]))["config"]
problems = []
if not any(tag.startswith(name + ":") for tag in manifest["RepoTags"]):
    problems.append(f"tags {manifest['RepoTags']} lack {name}")
if config.get("User", "").split(":")[0] in ("", "0", "root"):
    problems.append(f"runs as {config.get('User')!r}")
if f"{port}/tcp" not in config.get("ExposedPorts", {}):
    problems.append(f"exposes {list(config.get('ExposedPorts', {}))}, not {port}")
for flag in ("-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError"):
    if flag not in config.get("Entrypoint", []):
        problems.append(f"entrypoint lacks {flag}")
if problems:
    print(f"FAILED {tarball}: " + "; ".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"ok   {tarball}: {manifest['RepoTags'][0]}, user {config['User']}, port {port}")
