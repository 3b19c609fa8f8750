"""`python generate.py portal ...`: accounts (user add/list/disable/reset), tokens, and serving the portal."""
from __future__ import annotations

import argparse
import os
import secrets
import sys

from report.texts import pair

EXIT_OK, EXIT_USAGE = 0, 2
HOST, PORT = "127.0.0.1", 8000


class UsageError(Exception):
    """Bad usage: one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        raise UsageError(message)


def _help(key: str) -> str:
    """A help text of the portal's command line (portal.help.*): in English, as Django's own commands."""
    return pair(f"portal.help.{key}").en


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="generate.py portal", description=f"{pair('portal.name').both()}.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser, required=True)
    serve = sub.add_parser("serve", help=_help("serve"))
    serve.add_argument("--demo", action="store_true",
                       help=_help("demo"))
    serve.add_argument("--host", default=HOST)
    serve.add_argument("--port", type=int, default=PORT)
    user = sub.add_parser("user", help=_help("user"))
    users = user.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser, required=True)
    add = users.add_parser("add", help=_help("add"))
    add.add_argument("--email", required=True)
    add.add_argument("--role", required=True, choices=("department", "coordinator", "council"))
    add.add_argument("--department", default="", help=_help("department"))
    add.add_argument("--password", help=_help("password"))
    users.add_parser("list", help=_help("list"))
    disable = users.add_parser("disable", help=_help("disable"))
    disable.add_argument("email")
    reset = users.add_parser("reset", help=_help("reset"))
    reset.add_argument("email")
    reset.add_argument("--password", help=_help("password"))
    token = sub.add_parser("token", help=_help("token"))
    tokens = token.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser, required=True)
    tadd = tokens.add_parser("add", help=_help("token_add"))
    tadd.add_argument("email")
    return parser


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()


def main(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:
        return int(exc.code or 0)
    setup()
    from django.core.management import call_command

    from portal import accounts

    call_command("migrate", interactive=False, verbosity=0)   # a fresh data folder works for every command

    try:
        if args.command == "serve":
            return serve(args)
        if args.command == "token":
            print(accounts.token(args.email))
            return EXIT_OK
        if args.action == "add":
            password = args.password or secrets.token_urlsafe(12)
            accounts.add(args.email, args.role, args.department, password)
            print(f"{pair('portal.created').both()}: {args.email.lower()} ({args.role} {args.department.upper()})".rstrip())
            if not args.password:
                print(f"Password: {password}")
        elif args.action == "list":
            print("\n".join(accounts.listing()) or pair("portal.no_accounts").both())
        elif args.action == "disable":
            accounts.disable(args.email)
            print(f"{pair('portal.disabled').both()}: {args.email.lower()}")
        elif args.action == "reset":
            password = args.password or secrets.token_urlsafe(12)
            accounts.reset(args.email, password)
            print(f"{pair('portal.new_password').both()} {args.email.lower()}: {password}")
    except accounts.AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def serve(args) -> int:
    from waitress import serve as waitress_serve

    from portal import accounts, builds, i18n, memory, slots
    from portal.wsgi import application

    memory.limit_arenas()   # before waitress's threads: their memory shared, not held by each
    i18n.compile_catalogues()
    slots.warm_up()
    builds.start_worker()   # builds run here, each in a child process, never in a web request
    if args.demo:
        for line in accounts.demo():
            print(line)
    print(f"{pair('portal.address').both()}: http://{args.host}:{args.port}/  ({pair('portal.to_stop').both()})",
          flush=True)
    waitress_serve(application, host=args.host, port=args.port, threads=slots.THREADS,
                   max_request_body_size=64 * 1024 * 1024)
    return EXIT_OK
