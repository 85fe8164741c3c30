"""Official paperwork as PDF in the administrative layout of Decree 30/2020/NĐ-CP.

``decree30`` holds the page (A4, margins, page numbers from page 2), the header block, the number
and place-date line, recipients and signature blocks, and chunked tables; ``tables`` the neutral
tables every report also exports to .xlsx; ``papers`` the submission, lists, council minutes and
award decisions; ``reports`` achievement reports, bloc standings and statistics.
"""
