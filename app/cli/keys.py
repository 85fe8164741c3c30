"""``thidua keys …``: the certificate signing key of this machine and of the database.

``export FILE`` writes this machine's private key encrypted with a passphrase (PKCS#8 PEM), the
one way to keep it: it is not in the database, so not in its backups. ``import FILE`` puts an
exported key back (a new machine, a reinstalled one). ``new --replace`` makes a new key when the
old one is lost for good (an administrator's; the old public key stays in the database so the
certificates it signed still verify). ``list-signing`` lists the database's keys.

The actions sit in :data:`ACTIONS` (name → help, arguments, handler): another group of key
commands is added there.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import DomainError
from .base import EXIT_OK, Action, action_command
from .login import opened


def _passphrase(args: argparse.Namespace, *, twice: bool) -> str:
    if args.passphrase_file:
        try:
            lines = Path(args.passphrase_file).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise DomainError(f"Không đọc được {args.passphrase_file}: {exc.strerror}") from None
        return lines[0] if lines else ""
    import getpass

    first = getpass.getpass("Mật khẩu bảo vệ khóa: ")
    if twice and getpass.getpass("Nhập lại mật khẩu bảo vệ khóa: ") != first:
        raise DomainError("Hai lần nhập mật khẩu không khớp.")
    return first


def _file_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="TỆP")
    p.add_argument(
        "--passphrase-file", metavar="TỆP", help="đọc mật khẩu bảo vệ khóa từ dòng đầu của tệp này"
    )


def _export_arguments(p: argparse.ArgumentParser) -> None:
    _file_arguments(p)
    p.add_argument("--public", action="store_true",
                   help="xuất thẻ khóa công khai của cơ quan (để cơ quan khác đăng ký), không phải khóa ký")  # fmt: skip


def _export(args: argparse.Namespace) -> int:
    from ..certificates.signing import export_key

    if args.public:
        from ..exchange.offices import write_card

        with opened(args, writes=False) as db:
            printed = write_card(db, Path(args.file))
        print(f"Đã xuất thẻ khóa công khai (dấu vân tay {printed}) vào {args.file}.")
        print("Gửi tệp này cho cơ quan nhận hồ sơ; đọc dấu vân tay qua điện thoại để họ đối chiếu.")
        return EXIT_OK

    fingerprint = export_key(Path(args.file), _passphrase(args, twice=True))
    print(f"Đã xuất khóa ký (dấu vân tay {fingerprint}) vào {args.file}.")
    print(
        "Cất tệp này và mật khẩu bảo vệ ở hai nơi an toàn khác nhau; thiếu một trong hai là không dùng được."
    )
    return EXIT_OK


def _import_arguments(p: argparse.ArgumentParser) -> None:
    _file_arguments(p)
    p.add_argument(
        "--replace",
        action="store_true",
        help="(quản trị) dùng khóa này thay khóa hiện tại của sổ; khóa cũ vẫn dùng để xác thực giấy đã in",
    )


def _import(args: argparse.Namespace) -> int:
    from ..certificates import signing

    key = signing.read_export(Path(args.file), _passphrase(args, twice=False))
    public = signing.public_text(key)
    with opened(args, writes=args.replace) as db:
        current = signing.current_public_text(db)
        earlier = {r.public for r in signing.key_records(db) if r.retired_at is not None}
        if public in earlier:
            raise DomainError("Khóa trong tệp là khóa cũ của sổ, đã thôi dùng; không nhập lại.")
        if current is not None and current != public:
            if not args.replace:
                raise DomainError(
                    "Khóa trong tệp không phải khóa của sổ này. Nếu chắc chắn muốn thay khóa của sổ, "
                    "quản trị viên dùng --replace (giấy đã in vẫn xác thực được bằng khóa cũ)."
                )
            signing.replace_key(db, key, note=f"nhập từ {Path(args.file).name}")
        # The key is installed after the database took it: a refused replacement leaves the file as it was.
    moved = signing.install_key(key, exported=True)
    print(f"Đã nhập khóa ký (dấu vân tay {signing.fingerprint_of(public)}) vào {signing.key_path()}.")
    if moved is not None:
        print(f"Khóa khác đang có trên máy được giữ lại tại {moved}")
    return EXIT_OK


def _new_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--replace",
        action="store_true",
        help="thay khóa hiện tại của sổ (khi khóa cũ đã mất hẳn); giấy đã in vẫn xác thực được",
    )


def _new(args: argparse.Namespace) -> int:
    import os

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from ..certificates import signing

    with opened(args, writes=True) as db:
        if signing.current_public_text(db) is not None and not args.replace:
            raise DomainError(
                "Sổ này đã có khóa ký. Hãy nhập khóa đã xuất (thidua keys import TỆP); chỉ khi khóa đã "
                "mất hẳn, quản trị viên mới tạo khóa mới bằng thidua keys new --replace."
            )
        signing.check_may_replace(db)  # before the key file is touched
        key = Ed25519PrivateKey.generate()
        moved = signing.install_key(key, exported=False)
        try:
            signing.replace_key(db, key, note="khóa mới (khóa cũ không còn)")
        except BaseException:
            signing.key_path().unlink(missing_ok=True)
            if moved is not None:
                os.replace(moved, signing.key_path())
            raise
    print(f"Đã tạo khóa ký mới (dấu vân tay {signing.fingerprint_of(signing.public_text(key))}).")
    if moved is not None:
        print(f"Khóa cũ trên máy được giữ lại tại {moved}")
    print("Hãy xuất khóa mới ngay: thidua keys export TỆP")
    return EXIT_OK


def _no_arguments(_p: argparse.ArgumentParser) -> None:
    pass


def _list_signing(args: argparse.Namespace) -> int:
    from ..certificates import signing
    from ..certificates.keyfile import exported_at

    here: str | None
    try:
        here = signing.public_text(signing.load_private_key())
    except DomainError:
        here = None
    with opened(args, writes=False) as db:
        records = signing.key_records(db)
    if not records:
        print("Sổ chưa có khóa ký: chưa in giấy chứng nhận nào.")
    for r in records:
        state = f"thôi dùng {r.retired_at:%d/%m/%Y}" if r.retired_at else "đang dùng"
        local = "  [có trên máy này]" if r.public == here else ""
        print(f"{r.fingerprint}  từ {r.created_at:%d/%m/%Y}  {state}{local}  {r.note}")
    if here is not None:
        when = exported_at()
        print(
            f"Khóa trên máy này: {'đã xuất lúc ' + when if when else 'CHƯA TỪNG XUẤT (thidua keys export TỆP)'}"
        )
    return EXIT_OK


def _show_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--office", metavar="MÃ", help="(quản trị) ghi mã cơ quan của sổ để trao đổi hồ sơ")
    p.add_argument("--name", metavar="TÊN", help="tên cơ quan, đi cùng --office")


def _show(args: argparse.Namespace) -> int:
    from ..certificates.signing import load_private_key
    from ..exchange import offices
    from ..exchange.package import fingerprint, public_text

    with opened(args, writes=bool(args.office)) as db:
        if args.office:
            offices.set_own_office(db, args.office, args.name or "")
        office = offices.require_own_office(db)
        key = public_text(load_private_key(db).public_key())
    print(f"Cơ quan: {office.code} — {office.name}")
    print(f"Dấu vân tay khóa: {fingerprint(key)}")
    return EXIT_OK


def _trust_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="TỆP", help="thẻ khóa công khai của cơ quan gửi (keys export --public)")


def _trust(args: argparse.Namespace) -> int:
    from ..exchange import offices

    card = offices.read_card(Path(args.file))
    with opened(args, writes=True) as db:
        entry = offices.trust(db, card)
    print(f"Đã đăng ký khóa của {entry.code} — {entry.name} (dấu vân tay {entry.fingerprint}).")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from ..exchange import offices

    with opened(args, writes=False) as db:
        entries = offices.trusted_offices(db)
    if not entries:
        print("Chưa đăng ký khóa của cơ quan nào.")
    for e in entries:
        state = (
            f"đã thu hồi {e.revoked_at[:10]}"
            if e.revoked_at
            else f"đăng ký {e.trusted_at[:10]} bởi {e.trusted_by}"
        )
        print(f"{e.code:<10} {e.fingerprint}  {e.name}  ({state})")
    return EXIT_OK


def _revoke_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("code", metavar="MÃ_CƠ_QUAN")


def _revoke(args: argparse.Namespace) -> int:
    from ..exchange import offices

    with opened(args, writes=True) as db:
        n = offices.revoke(db, args.code)
    print(f"Đã thu hồi {n} khóa của {args.code.upper()}: gói ký bằng khóa đó không còn được nhận.")
    return EXIT_OK


ACTIONS: dict[str, Action] = {
    "show": Action(
        "mã cơ quan và dấu vân tay khóa của sổ (--office MÃ --name TÊN để ghi)", _show_arguments, _show
    ),
    "export": Action(
        "xuất khóa ký của máy này ra tệp, có mật khẩu bảo vệ (PKCS#8); --public: thẻ khóa công khai",
        _export_arguments,
        _export,
    ),
    "trust": Action(
        "đăng ký khóa công khai của cơ quan khác (sau khi đối chiếu dấu vân tay)", _trust_arguments, _trust
    ),
    "list": Action("các cơ quan có khóa đã đăng ký", _no_arguments, _list),
    "revoke": Action("thu hồi khóa đã đăng ký của một cơ quan", _revoke_arguments, _revoke),
    "import": Action("nhập khóa ký từ tệp đã xuất", _import_arguments, _import),
    "new": Action("(quản trị) tạo khóa ký mới khi khóa cũ đã mất hẳn", _new_arguments, _new),
    "list-signing": Action("các khóa ký của sổ (đang dùng, đã thôi dùng)", _no_arguments, _list_signing),
}


COMMANDS = (
    action_command("keys", "khóa của sổ và của các cơ quan trao đổi hồ sơ: show, export, import, new, "
                   "list-signing, trust, list, revoke", ACTIONS),
)  # fmt: skip
