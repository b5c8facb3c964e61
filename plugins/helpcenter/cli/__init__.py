"""The ``helpcenter`` console script: tools for editors, translators and developers.

Each feature module contributes its sub-commands through ``register(subparsers)``;
this module only assembles them (imports go one way: the CLI sits on top).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from ..locales import CatalogError
from .project import ProjectError

Registrar = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]


def _registrars() -> list[Registrar]:
    from ..status import mock, relay
    from . import build, check, i18n

    registrars: list[Registrar] = [
        build.register,
        i18n.register,
        check.register,
        mock.register,
        relay.register,
    ]
    return registrars


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="helpcenter", description=__doc__.splitlines()[0] if __doc__ else None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for register in _registrars():
        register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except CatalogError as error:  # a catalog the command needs is missing or broken: file and line
        print(error.problem, file=sys.stderr)
        return 1
    except ProjectError as error:  # mkdocs.yml or the project cannot be read: the command names itself
        print(f"{getattr(args, 'prog', parser.prog + ' ' + args.command)}: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # a file the command reads or writes: one line, no traceback
        where = f"{error.filename}: " if error.filename else ""
        print(f"helpcenter {args.command}: {where}{error.strerror or error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
