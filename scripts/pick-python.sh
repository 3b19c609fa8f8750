#!/bin/sh
# Prints the Python the Makefile makes .venv with: the newest one found that the whole project runs on.
# Django 6 (the portal) needs Python 3.12; every dependency has wheels for 3.12 (and 3.13). 3.12 comes first:
# it is the version the project is proven on (`make test`, the sample year byte-identical to a 3.11 build);
# 3.13 next, then whatever python3 is (3.11 runs it all, the portal on Django 5.2 LTS: pyproject.toml's markers).
# A pyenv shim answers `command -v` even when its version is not selected, so each candidate is run, not just
# looked up, and pyenv's own versions are tried when their shims are not active.
root=$(pyenv root 2>/dev/null)
for version in 3.12 3.13; do
    for python in "python$version" "$root"/versions/"$version".*/bin/"python$version"; do
        if "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
            command -v "$python"
            exit 0
        fi
    done
done
echo python3
