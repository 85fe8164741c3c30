<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>Jobs</name>
    <message>
      <location filename="../../ui/jobs.py" line="51" />
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/app.py" line="28" />
      <location filename="../../ui/main_window.py" line="69" />
      <location filename="../../ui/main_window.py" line="118" />
      <source>Sổ Thi đua</source>
      <translation>Emulation Register</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="72" />
      <source>&amp;Tệp</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="73" />
      <source>Mở &amp;dữ liệu mẫu</source>
      <translation>Open &amp;demo data</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="77" />
      <source>&amp;Thoát</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="80" />
      <source>Trợ &amp;giúp</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="81" />
      <source>&amp;Giới thiệu</source>
      <translation>&amp;About</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="91" />
      <source>CSDL: {0} — Người dùng: {1}</source>
      <translation>Database: {0} — User: {1}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="104" />
      <source>Đang tạo dữ liệu mẫu…</source>
      <translation>Creating demo data…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="117" />
      <source>Lỗi không mong đợi: {0}</source>
      <translation>Unexpected error: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="125" />
      <source>Giới thiệu</source>
      <translation>About</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="126" />
      <source>Sổ Thi đua {0}
Sổ sách thi đua, khen thưởng.</source>
      <translation>Emulation Register {0}
Bookkeeping of emulation and commendation work.</translation>
    </message>
  </context>
  <context>
    <name>Navigation</name>
    <message>
      <location filename="../../ui/main_window.py" line="27" />
      <source>Tổng quan</source>
      <translation>Overview</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="28" />
      <source>Đơn vị &amp; Khối</source>
      <translation>Units &amp; Blocs</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="29" />
      <source>Cá nhân</source>
      <translation>Persons</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="30" />
      <source>Phong trào</source>
      <translation>Campaigns</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="31" />
      <source>Đề nghị khen thưởng</source>
      <translation>Nominations</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="32" />
      <source>Quyết định</source>
      <translation>Decisions</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="33" />
      <source>Gương điển hình</source>
      <translation>Exemplars</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="34" />
      <source>Chấm điểm &amp; Xếp hạng khối</source>
      <translation>Bloc scoring &amp; standings</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="35" />
      <source>Báo cáo / In ấn</source>
      <translation>Reports / Printing</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="36" />
      <source>Cài đặt</source>
      <translation>Settings</translation>
    </message>
  </context>
  <context>
    <name>OverviewPage</name>
    <message>
      <location filename="../../ui/pages.py" line="13" />
      <source>Đơn vị</source>
      <translation>Units</translation>
    </message>
    <message>
      <location filename="../../ui/pages.py" line="14" />
      <source>Khối, cụm thi đua</source>
      <translation>Emulation blocs and clusters</translation>
    </message>
    <message>
      <location filename="../../ui/pages.py" line="15" />
      <source>Cá nhân</source>
      <translation>Persons</translation>
    </message>
    <message>
      <location filename="../../ui/pages.py" line="16" />
      <source>Phong trào thi đua</source>
      <translation>Campaigns</translation>
    </message>
    <message>
      <location filename="../../ui/pages.py" line="17" />
      <source>Sáng kiến</source>
      <translation>Initiatives</translation>
    </message>
    <message>
      <location filename="../../ui/pages.py" line="18" />
      <source>Hồ sơ đề nghị khen thưởng</source>
      <translation>Nominations</translation>
    </message>
    <message>
      <location filename="../../ui/pages.py" line="19" />
      <source>Quyết định khen thưởng</source>
      <translation>Award decisions</translation>
    </message>
    <message>
      <location filename="../../ui/pages.py" line="20" />
      <source>Danh hiệu, hình thức trong danh mục</source>
      <translation>Titles and forms in the catalogue</translation>
    </message>
    <message>
      <location filename="../../ui/pages.py" line="45" />
      <source>Sổ Thi đua — Tổng quan</source>
      <translation>Emulation Register — Overview</translation>
    </message>
    <message>
      <location filename="../../ui/pages.py" line="49" />
      <source>Cơ sở dữ liệu: {0}</source>
      <translation>Database: {0}</translation>
    </message>
  </context>
</TS>