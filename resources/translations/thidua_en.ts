<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>BatchDialog</name>
    <message>
      <location filename="../../ui/dialogs/batch.py" line="32" />
      <source>Lý do</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/batch.py" line="39" />
      <source>Cần ghi rõ lý do.</source>
      <translation>A reason is required.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/batch.py" line="47" />
      <source>Ghi kết quả bỏ phiếu của Hội đồng</source>
      <translation>Record the council's vote</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/batch.py" line="51" />
      <location filename="../../ui/dialogs/batch.py" line="66" />
      <source>Tổng số thành viên Hội đồng</source>
      <translation>Council members (all)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/batch.py" line="53" />
      <location filename="../../ui/dialogs/batch.py" line="62" />
      <source>Số phiếu đồng ý</source>
      <translation>Votes in favour</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/batch.py" line="55" />
      <location filename="../../ui/dialogs/batch.py" line="64" />
      <source>Số phiếu không đồng ý</source>
      <translation>Votes against</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/batch.py" line="57" />
      <source>Ngày họp</source>
      <translation>Meeting date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/batch.py" line="77" />
      <source>Đưa vào quyết định khen thưởng</source>
      <translation>Attach to an award decision</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/batch.py" line="84" />
      <source>Quyết định</source>
      <translation>Decision</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/batch.py" line="91" />
      <source>Chưa có quyết định nào; hãy nhập quyết định trước.</source>
      <translation>There is no decision yet; enter the decision first.</translation>
    </message>
    <message>
      <source>Không phù hợp (không hiện trong danh sách):</source>
      <translation>Not fitting (not offered):</translation>
    </message>
    <message>
      <source>Chưa chọn quyết định.</source>
      <translation>No decision chosen.</translation>
    </message>
    <message>
      <source>Không có quyết định nào phù hợp; hãy nhập quyết định trước.</source>
      <translation>No decision fits; enter the decision first.</translation>
    </message>
  </context>
  <context>
    <name>BlocDialog</name>
    <message>
      <location filename="../../ui/dialogs/unit.py" line="69" />
      <source>Khối, cụm thi đua</source>
      <translation>Emulation bloc or cluster</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/unit.py" line="76" />
      <source>Mã khối</source>
      <translation>Bloc code</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/unit.py" line="77" />
      <source>Tên khối, cụm</source>
      <translation>Bloc or cluster name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/unit.py" line="78" />
      <source>Loại</source>
      <translation>Kind</translation>
    </message>
  </context>
  <context>
    <name>CampaignDialog</name>
    <message>
      <location filename="../../ui/dialogs/campaign.py" line="19" />
      <source>Phong trào thi đua</source>
      <translation>Emulation campaign</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/campaign.py" line="30" />
      <source>Tên phong trào</source>
      <translation>Campaign name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/campaign.py" line="31" />
      <source>Loại</source>
      <translation>Kind</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/campaign.py" line="34" />
      <source>Năm</source>
      <translation>Year</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/campaign.py" line="37" />
      <source>Ngày bắt đầu</source>
      <translation>Start date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/campaign.py" line="38" />
      <source>Ngày kết thúc</source>
      <translation>End date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/campaign.py" line="40" />
      <source>Cơ quan phát động</source>
      <translation>Launched by</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/campaign.py" line="43" />
      <source>Nội dung</source>
      <translation>Content</translation>
    </message>
  </context>
  <context>
    <name>CampaignsPage</name>
    <message>
      <location filename="../../ui/pages/records.py" line="31" />
      <source>Thêm phong trào</source>
      <translation>New campaign</translation>
    </message>
    <message>
      <location filename="../../ui/pages/records.py" line="33" />
      <source>Sửa</source>
      <translation>Edit</translation>
    </message>
  </context>
  <context>
    <name>CertificatePreview</name>
    <message>
      <location filename="../../ui/certificates/preview.py" line="57" />
      <source>Xem trước giấy chứng nhận</source>
      <translation>Certificate preview</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/preview.py" line="65" />
      <source>Chưa có trang nào.</source>
      <translation>No pages yet.</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/preview.py" line="70" />
      <source>Lưu PDF…</source>
      <translation>Save PDF…</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/preview.py" line="71" />
      <source>In…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/preview.py" line="72" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/preview.py" line="93" />
      <source>Chưa chọn khen thưởng để in.</source>
      <translation>No award selected for printing.</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/preview.py" line="104" />
      <location filename="../../ui/certificates/preview.py" line="105" />
      <source>Đang tạo giấy chứng nhận…</source>
      <translation>Creating certificates…</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/preview.py" line="117" />
      <source>Không có giấy nào in được.</source>
      <translation>No certificate could be printed.</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/preview.py" line="124" />
      <source>Không in được</source>
      <translation>Could not print</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/preview.py" line="131" />
      <source>Không mở được tệp PDF.</source>
      <translation>Could not open the PDF file.</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/preview.py" line="134" />
      <source>{n} trang</source>
      <translation>{n} pages</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/preview.py" line="144" />
      <source>Lưu giấy chứng nhận</source>
      <translation>Save certificates</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/preview.py" line="149" />
      <source>Không lưu được</source>
      <translation>Could not save</translation>
    </message>
    <message>
      <source>Đang ghi sổ theo dõi in…</source>
      <translation>Recording the print log…</translation>
    </message>
    <message>
      <source>Tạo bản in</source>
      <translation>Make the print</translation>
    </message>
    <message>
      <source>Vào số ở sổ vàng:</source>
      <translation>Number in register:</translation>
    </message>
    <message>
      <source>{0} — {1} (đã cấp đến số {2})</source>
      <translation>{0} — {1} (numbered up to {2})</translation>
    </message>
    <message>
      <source>Vào sổ vàng</source>
      <translation>Number in the register</translation>
    </message>
    <message>
      <source>Chưa vào sổ, chưa tạo bản in.</source>
      <translation>Nothing numbered, nothing made.</translation>
    </message>
    <message>
      <source>In cả khen thưởng chỉ có tiền thưởng</source>
      <translation>Also print awards paid in cash only</translation>
    </message>
    <message>
      <source>Lao động tiên tiến, Tập thể lao động tiên tiến… không có giấy chứng nhận theo quy định (Nghị định 152/2025, Điều 50); chọn để vẫn in.</source>
      <translation>Lao động tiên tiến, Tập thể lao động tiên tiến… carry no certificate by law (Decree 152/2025, Art. 50); tick to print them anyway.</translation>
    </message>
  </context>
  <context>
    <name>Columns</name>
    <message>
      <location filename="../../ui/pages/nominations.py" line="30" />
      <source>Số hồ sơ</source>
      <translation>No.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="31" />
      <location filename="../../ui/pages/records.py" line="82" />
      <source>Cá nhân / tập thể</source>
      <translation>Nominee</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="32" />
      <source>Đối tượng</source>
      <translation>Target</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="33" />
      <source>Danh hiệu, hình thức</source>
      <translation>Award</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="34" />
      <location filename="../../ui/pages/records.py" line="22" />
      <location filename="../../ui/pages/records.py" line="84" />
      <source>Năm</source>
      <translation>Year</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="35" />
      <source>Đơn vị đề nghị</source>
      <translation>Proposing unit</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="36" />
      <source>Trạng thái</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="37" />
      <source>Phiếu đồng ý</source>
      <translation>Votes in favour</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="38" />
      <source>Quyết định</source>
      <translation>Decision</translation>
    </message>
    <message>
      <location filename="../../ui/pages/people.py" line="17" />
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <location filename="../../ui/pages/people.py" line="18" />
      <source>Giới tính</source>
      <translation>Gender</translation>
    </message>
    <message>
      <location filename="../../ui/pages/people.py" line="19" />
      <source>Ngày sinh</source>
      <translation>Date of birth</translation>
    </message>
    <message>
      <location filename="../../ui/pages/people.py" line="20" />
      <source>Số CCCD</source>
      <translation>Citizen ID</translation>
    </message>
    <message>
      <location filename="../../ui/pages/people.py" line="21" />
      <source>Chức vụ</source>
      <translation>Position</translation>
    </message>
    <message>
      <location filename="../../ui/pages/people.py" line="22" />
      <source>Đơn vị</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../ui/pages/records.py" line="20" />
      <source>Tên phong trào</source>
      <translation>Campaign name</translation>
    </message>
    <message>
      <location filename="../../ui/pages/records.py" line="21" />
      <source>Loại</source>
      <translation>Kind</translation>
    </message>
    <message>
      <location filename="../../ui/pages/records.py" line="23" />
      <source>Bắt đầu</source>
      <translation>Start</translation>
    </message>
    <message>
      <location filename="../../ui/pages/records.py" line="24" />
      <source>Kết thúc</source>
      <translation>End</translation>
    </message>
    <message>
      <location filename="../../ui/pages/records.py" line="25" />
      <source>Cơ quan phát động</source>
      <translation>Launched by</translation>
    </message>
    <message>
      <location filename="../../ui/pages/records.py" line="55" />
      <source>Số quyết định</source>
      <translation>Decision number</translation>
    </message>
    <message>
      <location filename="../../ui/pages/records.py" line="56" />
      <source>Ngày ký</source>
      <translation>Signed on</translation>
    </message>
    <message>
      <location filename="../../ui/pages/records.py" line="57" />
      <source>Cơ quan ban hành</source>
      <translation>Issued by</translation>
    </message>
    <message>
      <location filename="../../ui/pages/records.py" line="58" />
      <source>Người ký</source>
      <translation>Signer</translation>
    </message>
    <message>
      <location filename="../../ui/pages/records.py" line="59" />
      <source>Số khen thưởng</source>
      <translation>Awards</translation>
    </message>
    <message>
      <location filename="../../ui/pages/records.py" line="60" />
      <source>Trích yếu</source>
      <translation>Summary</translation>
    </message>
    <message>
      <location filename="../../ui/pages/records.py" line="83" />
      <source>Tiêu đề</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../ui/pages/records.py" line="85" />
      <source>Nơi tuyên dương</source>
      <translation>Honoured at</translation>
    </message>
    <message>
      <location filename="../../ui/pages/records.py" line="86" />
      <source>Ngày tuyên dương</source>
      <translation>Honoured on</translation>
    </message>
    <message>
      <location filename="../../ui/pages/units.py" line="20" />
      <source>Mã</source>
      <translation>Code</translation>
    </message>
    <message>
      <location filename="../../ui/pages/units.py" line="21" />
      <source>Tên đơn vị</source>
      <translation>Unit name</translation>
    </message>
    <message>
      <location filename="../../ui/pages/units.py" line="22" />
      <source>Viết tắt</source>
      <translation>Short name</translation>
    </message>
    <message>
      <location filename="../../ui/pages/units.py" line="23" />
      <source>Cấp</source>
      <translation>Level</translation>
    </message>
    <message>
      <location filename="../../ui/pages/units.py" line="24" />
      <source>Trực thuộc</source>
      <translation>Parent unit</translation>
    </message>
    <message>
      <location filename="../../ui/pages/units.py" line="25" />
      <source>Hoạt động</source>
      <translation>Active</translation>
    </message>
    <message>
      <source>Nhân rộng</source>
      <translation>Replications</translation>
    </message>
    <message>
      <source>Đã gửi</source>
      <translation>Sent</translation>
    </message>
  </context>
  <context>
    <name>DecisionDialog</name>
    <message>
      <location filename="../../ui/dialogs/decision.py" line="14" />
      <source>Quyết định khen thưởng</source>
      <translation>Award decision</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/decision.py" line="22" />
      <source>Số quyết định</source>
      <translation>Decision number</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/decision.py" line="24" />
      <source>Ngày ký</source>
      <translation>Signed on</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/decision.py" line="25" />
      <source>Cơ quan ban hành</source>
      <translation>Issued by</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/decision.py" line="27" />
      <source>Thẩm quyền ký</source>
      <translation>Signing authority</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/decision.py" line="31" />
      <source>Chức vụ người ký</source>
      <translation>Signer's title</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/decision.py" line="33" />
      <source>Người ký</source>
      <translation>Signer</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/decision.py" line="34" />
      <source>Trích yếu</source>
      <translation>Summary</translation>
    </message>
  </context>
  <context>
    <name>DecisionsPage</name>
    <message>
      <location filename="../../ui/pages/records.py" line="67" />
      <source>Thêm quyết định</source>
      <translation>New decision</translation>
    </message>
    <message>
      <source>Xem danh sách khen thưởng</source>
      <translation>See the awards</translation>
    </message>
    <message>
      <source>In giấy khen của quyết định…</source>
      <translation>Print this decision's certificates…</translation>
    </message>
  </context>
  <context>
    <name>ExemplarDialog</name>
    <message>
      <location filename="../../ui/dialogs/exemplar.py" line="21" />
      <source>Gương điển hình tiên tiến</source>
      <translation>Advanced exemplar</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/exemplar.py" line="31" />
      <source>Năm</source>
      <translation>Year</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/exemplar.py" line="34" />
      <source>Là</source>
      <translation>Is a</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/exemplar.py" line="38" />
      <source>Cá nhân / tập thể</source>
      <translation>Person / collective</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/exemplar.py" line="45" />
      <source>Tiêu đề</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/exemplar.py" line="46" />
      <source>Phong trào</source>
      <translation>Campaign</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/exemplar.py" line="51" />
      <source>Nơi tuyên dương</source>
      <translation>Honoured at</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/exemplar.py" line="54" />
      <source>Ngày tuyên dương</source>
      <translation>Honoured on</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/exemplar.py" line="56" />
      <source>Câu chuyện</source>
      <translation>Story</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/exemplar.py" line="61" />
      <source>Chọn cá nhân hoặc tập thể từ danh sách gợi ý.</source>
      <translation>Pick a person or a collective from the suggestions.</translation>
    </message>
    <message>
      <source>Nơi nhân rộng</source>
      <translation>Replicated at</translation>
    </message>
    <message>
      <source>Ngày</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Nội dung đã làm</source>
      <translation>What was done</translation>
    </message>
    <message>
      <source>Kết quả</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>Đơn vị…</source>
      <translation>Unit…</translation>
    </message>
    <message>
      <source>hoặc nơi khác</source>
      <translation>or another place</translation>
    </message>
    <message>
      <source>Thêm nơi nhân rộng</source>
      <translation>Add a replication</translation>
    </message>
    <message>
      <source>Xóa dòng đã chọn</source>
      <translation>Remove the selected row</translation>
    </message>
    <message>
      <source>Thời gian đạt thành tích (từ – đến)</source>
      <translation>Period of the achievement (from – to)</translation>
    </message>
    <message>
      <source>Nhân rộng</source>
      <translation>Replications</translation>
    </message>
    <message>
      <source>Chọn đơn vị hoặc ghi nơi nhân rộng.</source>
      <translation>Choose a unit or type where it was replicated.</translation>
    </message>
    <message>
      <source>Hãy ghi nội dung đã nhân rộng.</source>
      <translation>Describe what was replicated.</translation>
    </message>
  </context>
  <context>
    <name>ExemplarsPage</name>
    <message>
      <location filename="../../ui/pages/records.py" line="92" />
      <source>Thêm gương điển hình</source>
      <translation>New exemplar</translation>
    </message>
    <message>
      <source>Sửa, nhân rộng</source>
      <translation>Edit, replications</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="../../ui/reports/export_dialog.py" line="27" />
      <source>Cá nhân</source>
      <translation>Persons</translation>
    </message>
    <message>
      <location filename="../../ui/reports/export_dialog.py" line="28" />
      <source>Đơn vị</source>
      <translation>Units</translation>
    </message>
    <message>
      <location filename="../../ui/reports/export_dialog.py" line="29" />
      <source>Đề nghị khen thưởng</source>
      <translation>Nominations</translation>
    </message>
    <message>
      <location filename="../../ui/reports/export_dialog.py" line="38" />
      <source>Xuất ra Excel</source>
      <translation>Export to Excel</translation>
    </message>
    <message>
      <location filename="../../ui/reports/export_dialog.py" line="42" />
      <source>Chỉ tải mẫu nhập (không có dữ liệu)</source>
      <translation>Template only (no data)</translation>
    </message>
    <message>
      <location filename="../../ui/reports/export_dialog.py" line="45" />
      <source>Mọi năm</source>
      <translation>All years</translation>
    </message>
    <message>
      <location filename="../../ui/reports/export_dialog.py" line="53" />
      <source>Danh sách:</source>
      <translation>List:</translation>
    </message>
    <message>
      <location filename="../../ui/reports/export_dialog.py" line="54" />
      <source>Năm (đề nghị):</source>
      <translation>Year (of nomination):</translation>
    </message>
    <message>
      <location filename="../../ui/reports/export_dialog.py" line="61" />
      <source>Lưu tệp Excel</source>
      <translation>Save Excel file</translation>
    </message>
    <message>
      <location filename="../../ui/reports/export_dialog.py" line="77" />
      <source>Đang xuất…</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <location filename="../../ui/reports/export_dialog.py" line="79" />
      <source>Đã lưu {path}</source>
      <translation>Saved {path}</translation>
    </message>
  </context>
  <context>
    <name>Form</name>
    <message>
      <location filename="../../ui/widgets/fields.py" line="89" />
      <source>&amp;Lưu</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/fields.py" line="90" />
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/fields.py" line="140" />
      <source>Hãy nhập ngày (dd/mm/yyyy).</source>
      <translation>Enter a date (dd/mm/yyyy).</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/fields.py" line="152" />
      <source>{0} không được để trống.</source>
      <translation>{0} must not be empty.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/fields.py" line="155" />
      <source>{0} phải là số nguyên không âm.</source>
      <translation>{0} must be a whole number, not negative.</translation>
    </message>
    <message>
      <source>Đang lưu…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <source>Lỗi không mong đợi, chưa lưu: {0}</source>
      <translation>Unexpected error, nothing saved: {0}</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="32" />
      <source>Cá nhân</source>
      <translation>Persons</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="33" />
      <source>Đơn vị</source>
      <translation>Units</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="34" />
      <source>Đề nghị khen thưởng</source>
      <translation>Nominations</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="37" />
      <source>Dừng lại để xem</source>
      <translation>Stop to review</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="38" />
      <source>Bỏ qua bản ghi trùng</source>
      <translation>Skip duplicates</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="39" />
      <source>Gộp vào bản ghi đã có</source>
      <translation>Merge into existing records</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="49" />
      <source>Nhập dữ liệu từ Excel</source>
      <translation>Import data from Excel</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="55" />
      <source>Chọn tệp…</source>
      <translation>Choose file…</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="60" />
      <source>Kiểm tra (chạy thử)</source>
      <translation>Check (dry run)</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="61" />
      <source>Nhập</source>
      <translation>Import</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="74" />
      <source>Loại dữ liệu:</source>
      <translation>Kind of data:</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="75" />
      <source>Tệp:</source>
      <translation>File:</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="76" />
      <source>Bản ghi trùng:</source>
      <translation>Duplicates:</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="84" />
      <source>Lỗi và bản ghi trùng:</source>
      <translation>Errors and duplicates:</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="86" />
      <source>Xem trước:</source>
      <translation>Preview:</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="92" />
      <source>Chọn tệp</source>
      <translation>Choose a file</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="92" />
      <source>Bảng tính (*.xlsx *.csv)</source>
      <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="108" />
      <source>Đang kiểm tra tệp…</source>
      <translation>Checking the file…</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="108" />
      <source>Đang nhập dữ liệu…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <location filename="../../ui/reports/import_dialog.py" line="129" />
      <source>Trùng — {text}</source>
      <translation>Duplicate — {text}</translation>
    </message>
    <message>
      <source>Tải tệp mẫu…</source>
      <translation>Download a template…</translation>
    </message>
    <message>
      <source>Tệp Excel có sẵn các cột, một dòng ví dụ và hướng dẫn</source>
      <translation>An Excel file with the columns, an example row and guidance</translation>
    </message>
    <message>
      <source>Lưu tệp mẫu</source>
      <translation>Save the template</translation>
    </message>
    <message>
      <source>Bảng tính (*.xlsx)</source>
      <translation>Spreadsheets (*.xlsx)</translation>
    </message>
    <message>
      <source>Đang tạo tệp mẫu…</source>
      <translation>Making the template…</translation>
    </message>
    <message>
      <source>Đã lưu tệp mẫu: {0}. Điền từ dòng 2 của trang đầu; trang «Ví dụ» chỉ để xem.</source>
      <translation>Template saved: {0}. Fill it from row 2 of the first sheet; the «Ví dụ» sheet is an example only.</translation>
    </message>
    <message>
      <source>Cách hiểu các cột (đoán từ tiêu đề; sửa nếu sai, bấm Nhập để xác nhận):</source>
      <translation>How the columns are read (guessed from the headers; correct any that is wrong, Import confirms):</translation>
    </message>
    <message>
      <source>Cách hiểu các cột (đã nhớ từ lần trước):</source>
      <translation>How the columns are read (remembered from last time):</translation>
    </message>
    <message>
      <source>Cách hiểu các cột (đã xác nhận):</source>
      <translation>How the columns are read (confirmed):</translation>
    </message>
    <message>
      <source>(theo cột Năm trong tệp)</source>
      <translation>(from the file's Year column)</translation>
    </message>
    <message>
      <source>Cột trong tệp</source>
      <translation>Column in the file</translation>
    </message>
    <message>
      <source>Là</source>
      <translation>Is</translation>
    </message>
    <message>
      <source>Năm đề nghị:</source>
      <translation>Nomination year:</translation>
    </message>
    <message>
      <source>Bảng tính hoặc danh sách Word (*.xlsx *.csv *.docx)</source>
      <translation>Spreadsheets or Word lists (*.xlsx *.csv *.docx)</translation>
    </message>
    <message>
      <source>Nhập dữ liệu từ Excel, CSV, Word</source>
      <translation>Import from Excel, CSV, Word</translation>
    </message>
    <message>
      <source>đơn vị</source>
      <translation>units</translation>
    </message>
    <message>
      <source>cá nhân</source>
      <translation>persons</translation>
    </message>
    <message>
      <source>đề nghị khen thưởng</source>
      <translation>nominations</translation>
    </message>
    <message>
      <source>{0}: {1} dòng dữ liệu, {2} {3} hợp lệ</source>
      <translation>{0}: {1} data rows, {2} valid {3}</translation>
    </message>
    <message>
      <source>, {0} lỗi ở {1} dòng</source>
      <translation>, {0} problems in {1} rows</translation>
    </message>
    <message>
      <source>, {0} lỗi</source>
      <translation>, {0} problems</translation>
    </message>
    <message>
      <source>, {0} trùng với dữ liệu đã có</source>
      <translation>, {0} duplicates of records already here</translation>
    </message>
    <message>
      <source>Đã nhập {0}, gộp {1}, bỏ qua {2}.</source>
      <translation>Imported {0}, merged {1}, skipped {2}.</translation>
    </message>
    <message>
      <source>Chạy thử: chưa ghi gì.</source>
      <translation>Dry run: nothing written.</translation>
    </message>
    <message>
      <source>Không nhập gì.</source>
      <translation>Nothing imported.</translation>
    </message>
    <message>
      <source>{0} (cột {1})</source>
      <translation>{0} (column {1})</translation>
    </message>
    <message>
      <source>Dòng {0}</source>
      <translation>Row {0}</translation>
    </message>
    <message>
      <source>Tệp</source>
      <translation>File</translation>
    </message>
  </context>
  <context>
    <name>Jobs</name>
    <message>
      <location filename="../../ui/jobs.py" line="52" />
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <location filename="../../ui/labels.py" line="18" />
      <source>Nháp</source>
      <translation>Draft</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="19" />
      <source>Đã trình</source>
      <translation>Submitted</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="20" />
      <source>Trả lại để bổ sung</source>
      <translation>Returned for revision</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="21" />
      <source>Đã bỏ phiếu</source>
      <translation>Voted</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="22" />
      <source>Đã khen thưởng</source>
      <translation>Awarded</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="23" />
      <source>Không được khen</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="24" />
      <source>Đã thu hồi</source>
      <translation>Revoked</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="25" />
      <source>Nam</source>
      <translation>Male</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="26" />
      <source>Nữ</source>
      <translation>Female</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="27" />
      <location filename="../../ui/labels.py" line="48" />
      <source>Cá nhân</source>
      <translation>Individual</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="28" />
      <location filename="../../ui/labels.py" line="49" />
      <source>Tập thể</source>
      <translation>Collective</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="29" />
      <source>Hộ gia đình</source>
      <translation>Household</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="30" />
      <source>Cấp tỉnh</source>
      <translation>Province</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="31" />
      <source>Sở, ban, ngành</source>
      <translation>Department, agency</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="32" />
      <source>Phòng, đơn vị trực thuộc</source>
      <translation>Division</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="33" />
      <source>Xã, phường</source>
      <translation>Commune, ward</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="34" />
      <source>Doanh nghiệp, đơn vị sự nghiệp</source>
      <translation>Enterprise, public service unit</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="35" />
      <source>Khối thi đua</source>
      <translation>Emulation bloc</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="36" />
      <source>Cụm thi đua</source>
      <translation>Emulation cluster</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="37" />
      <source>Thành viên</source>
      <translation>Member</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="38" />
      <source>Khối trưởng</source>
      <translation>Bloc head</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="39" />
      <source>Khối phó</source>
      <translation>Bloc deputy</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="40" />
      <source>Thường xuyên</source>
      <translation>Regular</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="41" />
      <source>Theo đợt, chuyên đề</source>
      <translation>Thematic</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="42" />
      <location filename="../../ui/labels.py" line="77" />
      <source>Có</source>
      <translation>Yes</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="43" />
      <location filename="../../ui/labels.py" line="77" />
      <source>Không</source>
      <translation>No</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="50" />
      <source>Cờ thi đua</source>
      <translation>Emulation flag</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="51" />
      <source>Bằng khen</source>
      <translation>Certificate of merit</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="44" />
      <source>Cán bộ nhập liệu</source>
      <translation>Data-entry clerk</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="45" />
      <source>Thường trực, phê duyệt</source>
      <translation>Secretariat (approver)</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="46" />
      <source>Quản trị</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <source>Xuất sắc</source>
      <translation>Excellent</translation>
    </message>
    <message>
      <source>Tốt</source>
      <translation>Good</translation>
    </message>
    <message>
      <source>Hoàn thành</source>
      <translation>Accomplished</translation>
    </message>
    <message>
      <source>Không hoàn thành</source>
      <translation>Not accomplished</translation>
    </message>
  </context>
  <context>
    <name>LayoutEditor</name>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="58" />
      <source>Ngang</source>
      <translation>Landscape</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="59" />
      <source>Dọc</source>
      <translation>Portrait</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="199" />
      <source>Mẫu giấy chứng nhận</source>
      <translation>Certificate layouts</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="200" />
      <source>Các mẫu</source>
      <translation>Layouts</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="201" />
      <source>Sao chép</source>
      <translation>Copy</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="202" />
      <source>Tạo bản của bạn từ mẫu đang chọn để sửa</source>
      <translation>Make your own copy of the selected layout to edit</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="203" />
      <source>Xóa</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="204" />
      <source>Mẫu và trang giấy</source>
      <translation>Layout and page</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="206" />
      <source>Tên mẫu:</source>
      <translation>Layout name:</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="207" />
      <source>Khen thưởng (mã):</source>
      <translation>Awards (codes):</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="208" />
      <source>Khổ giấy:</source>
      <translation>Paper size:</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="209" />
      <source>Hướng giấy:</source>
      <translation>Orientation:</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="212" />
      <source>GK_CN, GK_TT</source>
      <translation>GK_CN, GK_TT</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="216" />
      <source>Tọa độ tính bằng mm từ góc trên bên trái tờ giấy; cỡ chữ tính bằng pt. Nhấn đúp vào ô để sửa; trỏ chuột vào tiêu đề «Mẫu chữ» để xem các biến. Trường chữ xám là phần in sẵn trên phôi.</source>
      <translation>Positions in mm from the sheet's top-left corner; font sizes in pt. Double-click a cell to edit it; point at the «Template» header to see the variables. Fields in grey are part of the pre-printed design.</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="222" />
      <source>&amp;Lưu</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="223" />
      <source>&amp;Hoàn tác</source>
      <translation>&amp;Revert</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="224" />
      <source>Bỏ các thay đổi chưa lưu, đọc lại tệp</source>
      <translation>Discard unsaved changes and read the file again</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="225" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="253" />
      <source>{0} (của bạn — lỗi)</source>
      <translation>{0} (yours — broken)</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="255" />
      <source>{0} (của bạn)</source>
      <translation>{0} (yours)</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="257" />
      <source>{0} (có sẵn — đang dùng bản của bạn)</source>
      <translation>{0} (built-in — your copy is used)</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="258" />
      <source>{0} (có sẵn)</source>
      <translation>{0} (built-in)</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="294" />
      <source>Sửa tệp này bằng tay hoặc xóa nó rồi sao chép lại từ mẫu có sẵn.</source>
      <translation>Fix this file by hand, or delete it and copy the built-in layout again.</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="300" />
      <source>Mẫu có sẵn: chỉ xem. Bấm «Sao chép» để có bản của bạn rồi sửa bản đó.</source>
      <translation>Built-in layout: view only. Press «Copy» to get your own copy, then edit that.</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="305" />
      <source>Bản của bạn: {0}</source>
      <translation>Your copy: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="419" />
      <source>Chưa lưu: còn ô không hợp lệ (tô đỏ).</source>
      <translation>Not saved: some cells are invalid (marked red).</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="429" />
      <source>Đã lưu mẫu «{0}».</source>
      <translation>Layout «{0}» saved.</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="435" />
      <source>Đã đọc lại mẫu từ tệp.</source>
      <translation>Layout read again from its file.</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="447" />
      <source>Đã sao chép. Bản của bạn «{0}» thay cho mẫu có sẵn khi in.</source>
      <translation>Copied. Your copy «{0}» replaces the built-in layout when printing.</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="449" />
      <source>Đã sao chép thành «{0}».</source>
      <translation>Copied as «{0}».</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="456" />
      <source>Xóa mẫu «{0}» của bạn (tệp {1})?</source>
      <translation>Delete your layout «{0}» (file {1})?</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="469" />
      <source>Đã xóa mẫu «{0}».</source>
      <translation>Layout «{0}» deleted.</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_editor.py" line="474" />
      <source>Mẫu đang sửa có thay đổi chưa lưu. Bỏ các thay đổi đó?</source>
      <translation>The layout being edited has unsaved changes. Discard them?</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="34" />
      <source>Trường</source>
      <translation>Field</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="35" />
      <source>x</source>
      <translation>x</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="36" />
      <source>y</source>
      <translation>y</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="37" />
      <source>Rộng</source>
      <translation>Width</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="38" />
      <source>Cao</source>
      <translation>Height</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="39" />
      <source>Cỡ chữ</source>
      <translation>Font size</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="40" />
      <source>Cỡ nhỏ nhất</source>
      <translation>Smallest size</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="41" />
      <source>Căn lề</source>
      <translation>Alignment</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="42" />
      <source>Kiểu chữ</source>
      <translation>Style</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="43" />
      <source>Mẫu chữ</source>
      <translation>Template</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="51" />
      <source>Trái</source>
      <translation>Left</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="52" />
      <source>Giữa</source>
      <translation>Centre</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="53" />
      <source>Phải</source>
      <translation>Right</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="56" />
      <source>Thường</source>
      <translation>Regular</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="57" />
      <source>Đậm</source>
      <translation>Bold</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="58" />
      <source>Nghiêng</source>
      <translation>Italic</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="59" />
      <source>Đậm nghiêng</source>
      <translation>Bold italic</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="73" />
      <source>Cỡ chữ phải là một số (pt), ví dụ 13,5.</source>
      <translation>The font size must be a number (pt), e.g. 13.5.</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="74" />
      <source>Hãy nhập một số (mm), ví dụ 12,5.</source>
      <translation>Enter a number (mm), e.g. 12.5.</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="113" />
      <source>Biến dùng được trong mẫu chữ:</source>
      <translation>Variables a template may use:</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="120" />
      <source>Milimét, tính từ góc trên bên trái tờ giấy</source>
      <translation>Millimetres from the sheet's top-left corner</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="124" />
      <source>Điểm (pt); chữ dài được thu nhỏ dần đến cỡ nhỏ nhất</source>
      <translation>Points (pt); long text shrinks down to the smallest size</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_fields.py" line="151" />
      <source>phần in sẵn: chỉ in khi in đầy đủ trên giấy trắng</source>
      <translation>pre-printed design: printed only on plain paper</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_preview.py" line="28" />
      <source>Giấy trắng, in đầy đủ</source>
      <translation>Plain paper, full design</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_preview.py" line="29" />
      <source>Phôi in sẵn (chỉ phần thay đổi)</source>
      <translation>Pre-printed blank (variable fields only)</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_preview.py" line="30" />
      <source>Trang căn chỉnh</source>
      <translation>Alignment page</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_preview.py" line="67" />
      <source>Xem trước với dữ liệu mẫu:</source>
      <translation>Preview with sample data:</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/layout_preview.py" line="104" />
      <source>Dữ liệu mẫu không vừa (trường này sẽ không in):</source>
      <translation>The sample does not fit (this field would not print):</translation>
    </message>
  </context>
  <context>
    <name>ListPage</name>
    <message>
      <location filename="../../ui/pages/list_page.py" line="49" />
      <source>Tìm theo tên (gõ không dấu cũng được)…</source>
      <translation>Search by name (tone marks optional)…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/list_page.py" line="252" />
      <source>{0} dòng</source>
      <translation>{0} rows</translation>
    </message>
    <message>
      <location filename="../../ui/pages/people.py" line="25" />
      <source>Tìm theo tên hoặc số CCCD (gõ không dấu cũng được)…</source>
      <translation>Search by name or citizen ID (tone marks optional)…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/records.py" line="64" />
      <source>Tìm theo số quyết định hoặc trích yếu…</source>
      <translation>Search by decision number or summary…</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/app.py" line="69" />
      <location filename="../../ui/main_window.py" line="156" />
      <location filename="../../ui/messages.py" line="10" />
      <source>Sổ Thi đua</source>
      <translation>Emulation Register</translation>
    </message>
    <message>
      <source>Đăng nhập &amp;sai gần đây…</source>
      <translation>&amp;Failed log-ins…</translation>
    </message>
    <message>
      <source>Sổ Thi đua (chỉ đọc)</source>
      <translation>Emulation Register (read-only)</translation>
    </message>
    <message>
      <source>Mở chỉ đọc</source>
      <translation>Open read-only</translation>
    </message>
    <message>
      <source>Không mở</source>
      <translation>Don't open</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="57" />
      <source>Cơ sở dữ liệu Sổ Thi đua (*.sqlite3 *.sqlite *.db);;Mọi tệp (*)</source>
      <translation>Emulation Register databases (*.sqlite3 *.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="115" />
      <source>&amp;Tệp</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="116" />
      <source>&amp;Mở cơ sở dữ liệu…</source>
      <translation>&amp;Open database…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="118" />
      <source>Tạo cơ sở dữ liệu &amp;mới…</source>
      <translation>&amp;New database…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="119" />
      <source>Tệp &amp;gần đây</source>
      <translation>&amp;Recent files</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="121" />
      <source>Mở &amp;dữ liệu mẫu</source>
      <translation>Open &amp;demo data</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="123" />
      <source>&amp;Sao lưu</source>
      <translation>&amp;Back up</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="124" />
      <source>&amp;Khôi phục từ bản sao lưu…</source>
      <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="127" />
      <source>&amp;Thoát</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="130" />
      <source>&amp;Ngôn ngữ</source>
      <translation>&amp;Language</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="140" />
      <source>&amp;Công cụ</source>
      <translation>&amp;Tools</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="141" />
      <source>&amp;Kiểm tra giấy chứng nhận…</source>
      <translation>&amp;Verify a certificate…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="142" />
      <source>&amp;Mẫu giấy chứng nhận…</source>
      <translation>Certificate &amp;layouts…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="142" />
      <source>Trợ &amp;giúp</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="143" />
      <source>&amp;Giới thiệu</source>
      <translation>&amp;About</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="172" />
      <source>Không tải được bản dịch «{0}».</source>
      <translation>Cannot load the “{0}” translation.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="192" />
      <source>Chưa mở cơ sở dữ liệu</source>
      <translation>No database open</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="195" />
      <source>CSDL: {0} — Người dùng: {1}</source>
      <translation>Database: {0} — User: {1}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="199" />
      <source>Mở cơ sở dữ liệu</source>
      <translation>Open database</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="205" />
      <source>Tạo cơ sở dữ liệu mới</source>
      <translation>New database</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="210" />
      <source>Tệp {0} đã có; hãy chọn tên khác.</source>
      <translation>{0} already exists; choose another name.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="217" />
      <source>Đang mở {0}…</source>
      <translation>Opening {0}…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="230" />
      <source>Không mở được tệp {0}.

{1}</source>
      <translation>Cannot open {0}.

{1}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="242" />
      <source>Đang tạo dữ liệu mẫu…</source>
      <translation>Creating demo data…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="273" />
      <source>Chỉ sao lưu được cơ sở dữ liệu dạng tệp SQLite.</source>
      <translation>Only SQLite database files can be backed up here.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="276" />
      <source>Đang sao lưu…</source>
      <translation>Backing up…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="278" />
      <source>Đã sao lưu vào {0}</source>
      <translation>Backed up to {0}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="286" />
      <source>Chọn bản sao lưu</source>
      <translation>Choose a backup</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="297" />
      <source>Đã khôi phục. Bản bị thay thế được giữ tại {0}</source>
      <translation>Restored. The replaced database was kept at {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="133" />
      <source>Lỗi không mong đợi: {0}</source>
      <translation>Unexpected error: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="266" />
      <source>Giới thiệu</source>
      <translation>About</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="267" />
      <source>Sổ Thi đua {0}
Sổ sách thi đua, khen thưởng.</source>
      <translation>Emulation Register {0}
Bookkeeping of emulation and commendation work.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="143" />
      <source>Tài &amp;khoản</source>
      <translation>&amp;Account</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="144" />
      <source>Đổi &amp;mật khẩu…</source>
      <translation>Change &amp;password…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="145" />
      <source>Đăng &amp;xuất</source>
      <translation>Log &amp;out</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="284" />
      <source>Đã đổi mật khẩu.</source>
      <translation>Password changed.</translation>
    </message>
    <message>
      <source>Đang khôi phục…</source>
      <translation>Restoring…</translation>
    </message>
    <message>
      <source>Đã sao lưu vào {0}.

{1}</source>
      <translation>Backed up to {0}.

{1}</translation>
    </message>
    <message>
      <source>Danh mục khen thưởng có thay đổi</source>
      <translation>The award catalogue has changed</translation>
    </message>
    <message>
      <source>Tệp danh mục khen thưởng có thay đổi chưa áp dụng vào cơ sở dữ liệu:

{0}

Áp dụng ngay? Thay đổi được ghi vào nhật ký với tên của bạn.</source>
      <translation>The award catalogue file has changes not yet applied to the database:

{0}

Apply them now? The change is recorded in the audit log under your name.</translation>
    </message>
    <message>
      <source>Đang áp dụng danh mục khen thưởng…</source>
      <translation>Applying the award catalogue…</translation>
    </message>
    <message>
      <source>Bản sao lưu không qua kiểm tra</source>
      <translation>The backup failed its checks</translation>
    </message>
    <message>
      <source>{0}

Vẫn khôi phục từ bản này? Việc buộc khôi phục được ghi vào nhật ký.</source>
      <translation>{0}

Restore from this copy anyway? A forced restore is recorded in the audit log.</translation>
    </message>
    <message>
      <source>&amp;Hướng dẫn sử dụng</source>
      <translation>User &amp;guide</translation>
    </message>
    <message>
      <source>Kiểm tra &amp;nhật ký và dữ liệu…</source>
      <translation>Check the &amp;log and the data…</translation>
    </message>
    <message>
      <source>T&amp;rao đổi</source>
      <translation>E&amp;xchange</translation>
    </message>
    <message>
      <source>&amp;Nhận gói hồ sơ…</source>
      <translation>&amp;Receive a package…</translation>
    </message>
    <message>
      <source>&amp;Cơ quan và khóa…</source>
      <translation>&amp;Offices and keys…</translation>
    </message>
  </context>
  <context>
    <name>MembershipDialog</name>
    <message>
      <location filename="../../ui/dialogs/membership.py" line="26" />
      <source>Thành viên khối, cụm theo năm</source>
      <translation>Bloc membership by year</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/membership.py" line="36" />
      <source>Khối, cụm</source>
      <translation>Bloc or cluster</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/membership.py" line="41" />
      <source>Năm</source>
      <translation>Year</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/membership.py" line="44" />
      <source>Thành viên</source>
      <translation>Members</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/membership.py" line="47" />
      <source>Đơn vị</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/membership.py" line="49" />
      <source>Vai trò</source>
      <translation>Role</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/membership.py" line="61" />
      <source>Bỏ đơn vị đang chọn khỏi khối năm này</source>
      <translation>Remove the selected unit from the bloc for this year</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/membership.py" line="74" />
      <source>Chọn đơn vị từ danh sách gợi ý.</source>
      <translation>Pick a unit from the suggestions.</translation>
    </message>
  </context>
  <context>
    <name>Navigation</name>
    <message>
      <location filename="../../ui/main_window.py" line="46" />
      <source>Tổng quan</source>
      <translation>Overview</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="47" />
      <source>Đơn vị &amp; Khối</source>
      <translation>Units &amp; Blocs</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="48" />
      <source>Cá nhân</source>
      <translation>Persons</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="49" />
      <source>Phong trào</source>
      <translation>Campaigns</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="50" />
      <source>Đề nghị khen thưởng</source>
      <translation>Nominations</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="51" />
      <source>Quyết định</source>
      <translation>Decisions</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="52" />
      <source>Gương điển hình</source>
      <translation>Exemplars</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="53" />
      <source>Chấm điểm &amp; Xếp hạng khối</source>
      <translation>Bloc scoring &amp; standings</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="54" />
      <source>Báo cáo / In ấn</source>
      <translation>Reports / Printing</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="55" />
      <source>Cài đặt</source>
      <translation>Settings</translation>
    </message>
  </context>
  <context>
    <name>NominationForm</name>
    <message>
      <location filename="../../ui/dialogs/nomination.py" line="50" />
      <source>Đề nghị khen thưởng</source>
      <translation>Nomination</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/nomination.py" line="78" />
      <source>Năm</source>
      <translation>Year</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/nomination.py" line="81" />
      <source>Đối tượng</source>
      <translation>Target</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/nomination.py" line="85" />
      <source>Cá nhân / tập thể</source>
      <translation>Nominee</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/nomination.py" line="88" />
      <source>Danh hiệu, hình thức</source>
      <translation>Award</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/nomination.py" line="89" />
      <source>Phong trào</source>
      <translation>Campaign</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/nomination.py" line="91" />
      <source>Tóm tắt thành tích</source>
      <translation>Achievements (summary)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/nomination.py" line="107" />
      <source>&amp;Lưu và nhập tiếp (Ctrl+S)</source>
      <translation>&amp;Save and enter the next (Ctrl+S)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/nomination.py" line="108" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/nomination.py" line="109" />
      <source>Gõ một phần tên, không cần dấu, rồi Enter</source>
      <translation>Type part of the name, tone marks optional, then Enter</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/nomination.py" line="133" />
      <source>(không theo phong trào)</source>
      <translation>(no campaign)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/nomination.py" line="201" />
      <source>Chọn cá nhân hoặc tập thể từ danh sách gợi ý.</source>
      <translation>Pick a person or a collective from the suggestions.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/nomination.py" line="204" />
      <source>Chọn danh hiệu, hình thức khen thưởng.</source>
      <translation>Choose the award.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/nomination.py" line="243" />
      <source>Đã lưu hồ sơ số {0}: {1} — {2}.</source>
      <translation>Saved nomination no. {0}: {1} — {2}.</translation>
    </message>
    <message>
      <source>Hồ sơ bị trả lại ngày {0}, người trả: {1}. Lý do: {2}</source>
      <translation>Returned on {0} by {1}. Reason: {2}</translation>
    </message>
    <message>
      <source>— chọn danh hiệu, hình thức —</source>
      <translation>— choose a title or award —</translation>
    </message>
  </context>
  <context>
    <name>NominationsPage</name>
    <message>
      <location filename="../../ui/pages/nominations.py" line="54" />
      <source>Nhập đề nghị</source>
      <translation>New nomination</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="55" />
      <source>Sửa</source>
      <translation>Edit</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="56" />
      <location filename="../../ui/pages/nominations.py" line="139" />
      <source>Trình Hội đồng</source>
      <translation>Submit to the council</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="57" />
      <source>Trả lại bổ sung…</source>
      <translation>Return for revision…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="58" />
      <source>Ghi kết quả bỏ phiếu…</source>
      <translation>Record votes…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="59" />
      <source>Đưa vào quyết định…</source>
      <translation>Attach to a decision…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="60" />
      <source>Thu hồi…</source>
      <translation>Revoke…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="61" />
      <source>In giấy khen…</source>
      <translation>Print certificates…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="76" />
      <source>Mọi năm</source>
      <translation>All years</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="79" />
      <source>Mọi trạng thái</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="116" />
      <source>Chưa chọn hồ sơ nào.</source>
      <translation>No nomination selected.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="129" />
      <source>{0}: xong {1} hồ sơ.</source>
      <translation>{0}: {1} nominations done.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="145" />
      <source>Trả lại để bổ sung</source>
      <translation>Returned for revision</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="153" />
      <source>Thu hồi khen thưởng</source>
      <translation>Revoke awards</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="179" />
      <source>Ghi kết quả bỏ phiếu</source>
      <translation>Record votes</translation>
    </message>
    <message>
      <location filename="../../ui/pages/nominations.py" line="186" />
      <source>Đưa vào quyết định</source>
      <translation>Attach to a decision</translation>
    </message>
    <message>
      <source>Trả lại cho tôi (cần bổ sung)</source>
      <translation>Returned to me (to complete)</translation>
    </message>
    <message>
      <source>Chỉ đơn vị của tôi</source>
      <translation>Only my unit</translation>
    </message>
    <message>
      <source>Rút khỏi quyết định…</source>
      <translation>Withdraw from decision…</translation>
    </message>
    <message>
      <source>Rút khỏi quyết định</source>
      <translation>Withdraw from decision</translation>
    </message>
    <message>
      <source>Thu hồi {0} khen thưởng? Việc thu hồi được ghi vào sổ và không hoàn tác được.</source>
      <translation>Revoke {0} awards? The revocation is recorded and cannot be undone.</translation>
    </message>
    <message>
      <source>Xác nhận</source>
      <translation>Confirm</translation>
    </message>
    <message>
      <source>Gửi đi…</source>
      <translation>Send…</translation>
    </message>
    <message>
      <source>Gửi hồ sơ</source>
      <translation>Send dossiers</translation>
    </message>
    <message>
      <source>Gửi đi</source>
      <translation>Send</translation>
    </message>
    <message>
      <source>Gửi hồ sơ cho cơ quan khác…</source>
      <translation>Send dossiers to another office…</translation>
    </message>
    <message>
      <source>Chuyển tiếp hồ sơ đã nhận lên cấp trên…</source>
      <translation>Forward received dossiers one level up…</translation>
    </message>
    <message>
      <source>Trả lời cơ quan đã gửi (trả lại, quyết định)…</source>
      <translation>Answer the sending office (returned, decided)…</translation>
    </message>
  </context>
  <context>
    <name>OverviewPage</name>
    <message>
      <location filename="../../ui/pages/overview.py" line="12" />
      <source>Đơn vị</source>
      <translation>Units</translation>
    </message>
    <message>
      <location filename="../../ui/pages/overview.py" line="13" />
      <source>Khối, cụm thi đua</source>
      <translation>Emulation blocs and clusters</translation>
    </message>
    <message>
      <location filename="../../ui/pages/overview.py" line="14" />
      <source>Cá nhân</source>
      <translation>Persons</translation>
    </message>
    <message>
      <location filename="../../ui/pages/overview.py" line="15" />
      <source>Phong trào thi đua</source>
      <translation>Campaigns</translation>
    </message>
    <message>
      <location filename="../../ui/pages/overview.py" line="16" />
      <source>Sáng kiến</source>
      <translation>Initiatives</translation>
    </message>
    <message>
      <location filename="../../ui/pages/overview.py" line="17" />
      <source>Hồ sơ đề nghị khen thưởng</source>
      <translation>Nominations</translation>
    </message>
    <message>
      <location filename="../../ui/pages/overview.py" line="18" />
      <source>Quyết định khen thưởng</source>
      <translation>Award decisions</translation>
    </message>
    <message>
      <location filename="../../ui/pages/overview.py" line="19" />
      <source>Danh hiệu, hình thức trong danh mục</source>
      <translation>Titles and forms in the catalogue</translation>
    </message>
    <message>
      <location filename="../../ui/pages/overview.py" line="44" />
      <source>Sổ Thi đua — Tổng quan</source>
      <translation>Emulation Register — Overview</translation>
    </message>
    <message>
      <location filename="../../ui/pages/overview.py" line="48" />
      <source>Cơ sở dữ liệu: {0}</source>
      <translation>Database: {0}</translation>
    </message>
    <message>
      <source>{0} hồ sơ bị trả lại, cần bổ sung</source>
      <translation>{0} nominations returned, to complete</translation>
    </message>
    <message>
      <source>{0} hồ sơ đã trình, chờ Hội đồng bỏ phiếu</source>
      <translation>{0} nominations submitted, awaiting the council's vote</translation>
    </message>
    <message>
      <source>{0} hồ sơ đã bỏ phiếu, chờ đưa vào quyết định</source>
      <translation>{0} nominations voted, awaiting a decision</translation>
    </message>
    <message>
      <source>{0} khen thưởng đã có quyết định, chưa in giấy khen</source>
      <translation>{0} awards decided, certificates not printed</translation>
    </message>
    <message>
      <source>{0} đơn vị chưa đủ phiếu chấm điểm (khối {1}, năm {2})</source>
      <translation>{0} units with incomplete score sheets (bloc {1}, {2})</translation>
    </message>
    <message>
      <source>Việc cần làm</source>
      <translation>To do</translation>
    </message>
    <message>
      <source>Không có việc nào đang chờ.</source>
      <translation>Nothing is waiting.</translation>
    </message>
    <message>
      <source>Đơn vị (của bạn và trực thuộc)</source>
      <translation>Units (yours and those under it)</translation>
    </message>
    <message>
      <source>Cá nhân (thuộc đơn vị của bạn)</source>
      <translation>Persons (in your unit)</translation>
    </message>
    <message>
      <source>Hồ sơ đề nghị khen thưởng (đơn vị của bạn trình)</source>
      <translation>Nominations (submitted by your unit)</translation>
    </message>
  </context>
  <context>
    <name>PersonDialog</name>
    <message>
      <location filename="../../ui/dialogs/person.py" line="23" />
      <source>Cá nhân</source>
      <translation>Person</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/person.py" line="37" />
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/person.py" line="38" />
      <source>Giới tính</source>
      <translation>Gender</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/person.py" line="42" />
      <source>Ngày sinh (hoặc năm sinh)</source>
      <translation>Date (or year) of birth</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/person.py" line="44" />
      <source>Số CCCD</source>
      <translation>Citizen ID</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/person.py" line="46" />
      <source>Chức vụ</source>
      <translation>Position</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/person.py" line="47" />
      <source>Đơn vị</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/person.py" line="63" />
      <source>Chọn đơn vị từ danh sách gợi ý.</source>
      <translation>Pick the unit from the suggestions.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/person.py" line="68" />
      <source>Lý do đổi tên (nếu sửa họ tên)</source>
      <translation>Reason for the change of name (if the name is edited)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/person.py" line="81" />
      <source>«{name}» (đến {date})</source>
      <translation>“{name}” (until {date})</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/person.py" line="86" />
      <source>Tên cũ: {names}</source>
      <translation>Former names: {names}</translation>
    </message>
    <message>
      <source>— chọn —</source>
      <translation>— choose —</translation>
    </message>
    <message>
      <source>Chọn giới tính.</source>
      <translation>Choose the gender.</translation>
    </message>
  </context>
  <context>
    <name>PersonsPage</name>
    <message>
      <location filename="../../ui/pages/people.py" line="28" />
      <source>Thêm cá nhân</source>
      <translation>New person</translation>
    </message>
    <message>
      <location filename="../../ui/pages/people.py" line="29" />
      <source>Sửa</source>
      <translation>Edit</translation>
    </message>
  </context>
  <context>
    <name>ReportDialog</name>
    <message>
      <location filename="../../ui/reports/report_dialog.py" line="54" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/reports/report_dialog.py" line="45" />
      <source>Mở thư mục</source>
      <translation>Open folder</translation>
    </message>
    <message>
      <location filename="../../ui/reports/report_dialog.py" line="47" />
      <source>In…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <location filename="../../ui/reports/report_dialog.py" line="35" />
      <source>Xem trước: {0}</source>
      <translation>Preview: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/reports/report_dialog.py" line="68" />
      <source>Đã lưu «{0}» — {1} trang.</source>
      <translation>Saved “{0}” — {1} pages.</translation>
    </message>
    <message>
      <source>Mở bằng Word</source>
      <translation>Open in Word</translation>
    </message>
    <message>
      <source>Lưu văn bản thành tệp .docx chỉnh sửa được và mở; bản PDF in ra là bản lưu hồ sơ.</source>
      <translation>Save the document as an editable .docx and open it; the printed PDF is the record kept on file.</translation>
    </message>
    <message>
      <source>Đã lưu bản Word «{0}».</source>
      <translation>Saved the Word copy “{0}”.</translation>
    </message>
  </context>
  <context>
    <name>ReportForm</name>
    <message>
      <source>Giao ước thi đua của khối</source>
      <translation>Bloc emulation covenant</translation>
    </message>
    <message>
      <source>Báo cáo sơ kết 6 tháng của khối thi đua</source>
      <translation>Bloc six-month review report</translation>
    </message>
    <message>
      <source>Báo cáo tổng kết năm của khối thi đua</source>
      <translation>Bloc year-end review report</translation>
    </message>
    <message>
      <source>Biên bản họp khối thi đua</source>
      <translation>Minutes of the bloc meeting</translation>
    </message>
    <message>
      <source>Tờ trình của Trưởng khối đề nghị Cờ thi đua, Bằng khen</source>
      <translation>Bloc head's submission proposing the emulation flag and certificates of merit</translation>
    </message>
    <message>
      <source>Cả năm</source>
      <translation>Whole year</translation>
    </message>
    <message>
      <source>6 tháng đầu năm</source>
      <translation>First half of the year</translation>
    </message>
    <message>
      <source>Kỳ</source>
      <translation>Period</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="64" />
      <source>Để trống: tất cả</source>
      <translation>Leave empty: all</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="50" />
      <source>Tờ trình đề nghị khen thưởng kèm danh sách</source>
      <translation>Award submission with its annexed list</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="51" />
      <source>Danh sách đề nghị khen thưởng theo danh hiệu</source>
      <translation>List of nominations by award</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="52" />
      <source>Biên bản họp Hội đồng Thi đua - Khen thưởng</source>
      <translation>Minutes of the Emulation and Commendation Council</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="53" />
      <source>Quyết định khen thưởng kèm danh sách</source>
      <translation>Award decision with its list</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="54" />
      <source>Báo cáo thành tích cá nhân</source>
      <translation>Achievement report of an individual</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="55" />
      <source>Báo cáo thành tích tập thể</source>
      <translation>Achievement report of a collective</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="56" />
      <source>Báo cáo xếp hạng khối thi đua</source>
      <translation>Bloc standings report</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="57" />
      <source>Thống kê khen thưởng theo đơn vị, danh hiệu, năm</source>
      <translation>Award statistics by unit, award and year</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="58" />
      <source>Quá trình khen thưởng của cá nhân</source>
      <translation>Award history of a person</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="59" />
      <source>Quá trình khen thưởng của đơn vị</source>
      <translation>Award history of a unit</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="206" />
      <source>Năm</source>
      <translation>Year</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="207" />
      <source>Các năm</source>
      <translation>Years</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="208" />
      <source>Danh hiệu, hình thức</source>
      <translation>Award</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="209" />
      <source>Đơn vị</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="66" />
      <source>Đơn vị trình</source>
      <translation>Submitting unit</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="210" />
      <source>Phong trào thi đua</source>
      <translation>Emulation campaign</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="211" />
      <source>Khối thi đua</source>
      <translation>Emulation bloc</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="212" />
      <source>Cá nhân</source>
      <translation>Person</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="213" />
      <source>Quyết định</source>
      <translation>Decision</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="214" />
      <source>Kính gửi</source>
      <translation>Addressed to</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="215" />
      <source>Số văn bản</source>
      <translation>Document number</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="216" />
      <source>Ngày</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="217" />
      <source>Cơ quan ban hành</source>
      <translation>Issuing body</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="218" />
      <source>Cơ quan chủ quản</source>
      <translation>Governing body</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="219" />
      <source>Địa danh</source>
      <translation>Place name</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="220" />
      <source>Chức vụ người ký</source>
      <translation>Signer’s title</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="221" />
      <source>Người ký</source>
      <translation>Signer</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="222" />
      <source>Thẩm quyền ký</source>
      <translation>Signing authority</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="223" />
      <source>Thay mặt</source>
      <translation>On behalf of</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="224" />
      <source>Nơi nhận (mỗi dòng một nơi)</source>
      <translation>Recipients (one per line)</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="225" />
      <source>Hội đồng</source>
      <translation>Council</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="226" />
      <source>Tổng số thành viên</source>
      <translation>Total members</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="227" />
      <source>Thành viên dự họp (mỗi dòng một người)</source>
      <translation>Members present (one per line)</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="228" />
      <source>Chủ tịch Hội đồng</source>
      <translation>Council chair</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="229" />
      <source>Thư ký</source>
      <translation>Secretary</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="230" />
      <source>Địa điểm họp</source>
      <translation>Meeting place</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="108" />
      <source>Năm đầu phải trước hoặc bằng năm cuối.</source>
      <translation>The first year must not be after the last.</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="214" />
      <source>Ủy ban nhân dân tỉnh</source>
      <translation>Ủy ban nhân dân tỉnh</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="217" />
      <source>SỞ NỘI VỤ</source>
      <translation>SỞ NỘI VỤ</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="218" />
      <source>UBND TỈNH TÂY NINH</source>
      <translation>UBND TỈNH TÂY NINH</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="219" />
      <source>Tây Ninh</source>
      <translation>Tây Ninh</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="220" />
      <source>PHÓ GIÁM ĐỐC</source>
      <translation>PHÓ GIÁM ĐỐC</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="223" />
      <source>GIÁM ĐỐC</source>
      <translation>GIÁM ĐỐC</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="225" />
      <source>Hội đồng Thi đua - Khen thưởng Sở Nội vụ</source>
      <translation>Hội đồng Thi đua - Khen thưởng Sở Nội vụ</translation>
    </message>
    <message>
      <location filename="../../ui/reports/forms.py" line="122" />
      <source>Hãy chọn một mục trong danh sách gợi ý.</source>
      <translation>Choose an entry from the suggestions.</translation>
    </message>
    <message>
      <source>ví dụ: {0}</source>
      <translation>e.g. {0}</translation>
    </message>
    <message>
      <source>Danh sách chi tiền thưởng (theo quyết định, đơn vị, năm)</source>
      <translation>Payout list (by decision, unit, year)</translation>
    </message>
    <message>
      <source>Danh sách gương điển hình tiên tiến (Hội nghị điển hình)</source>
      <translation>List of advanced exemplars (exemplars' conference)</translation>
    </message>
    <message>
      <source>Trích ngang thành tích gương điển hình tiên tiến</source>
      <translation>Citations of the advanced exemplars' achievements</translation>
    </message>
  </context>
  <context>
    <name>ReportsPage</name>
    <message>
      <source>Nội dung nhận xét…</source>
      <translation>Review texts…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="80" />
      <source>Văn bản</source>
      <translation>Document</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="98" />
      <source>Nhập từ Excel, CSV…</source>
      <translation>Import from Excel, CSV…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="99" />
      <source>Xuất ra Excel…</source>
      <translation>Export to Excel…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="100" />
      <source>Lập văn bản, báo cáo</source>
      <translation>Documents and reports</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="42" />
      <source>PDF (văn bản để in)</source>
      <translation>PDF (document to print)</translation>
    </message>
    <message>
      <source>Word .docx (chỉnh sửa được)</source>
      <translation>Word .docx (editable)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="43" />
      <source>Excel .xlsx (các bảng số liệu)</source>
      <translation>Excel .xlsx (the data tables)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="252" />
      <source>Đang lập văn bản…</source>
      <translation>Making the document…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="129" />
      <source>Đường dẫn tệp kết quả</source>
      <translation>Path of the output file</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="130" />
      <source>Chọn…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="131" />
      <source>Lập văn bản</source>
      <translation>Make document</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="188" />
      <source>Lưu vào</source>
      <translation>Save to</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="196" />
      <source>Hãy chọn nơi lưu tệp kết quả.</source>
      <translation>Choose where to save the output file.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="272" />
      <source>Không lập được văn bản: {0}</source>
      <translation>Could not make the document: {0}</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="46" />
      <source>Cài đặt</source>
      <translation>Settings</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="47" />
      <source>Ngôn ngữ giao diện:</source>
      <translation>Interface language:</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="48" />
      <source>Xóa danh sách tệp gần đây</source>
      <translation>Clear the recent files list</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="49" />
      <source>Các cài đặt được lưu tại: {0}</source>
      <translation>Settings are stored in: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="56" />
      <source>Giấy chứng nhận:</source>
      <translation>Certificates:</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="57" />
      <source>Mẫu giấy chứng nhận…</source>
      <translation>Certificate layouts…</translation>
    </message>
    <message>
      <source>Văn bản:</source>
      <translation>Documents:</translation>
    </message>
    <message>
      <source>Thông tin cơ quan (đầu văn bản, người ký)…</source>
      <translation>Office details (letterhead, signer)…</translation>
    </message>
  </context>
  <context>
    <name>Splash</name>
    <message>
      <location filename="../../ui/app.py" line="51" />
      <source>Sổ sách thi đua, khen thưởng — đang mở…</source>
      <translation>Emulation and commendation records — opening…</translation>
    </message>
  </context>
  <context>
    <name>StandingsPage</name>
    <message>
      <location filename="../../ui/pages/standings.py" line="31" />
      <source>Hạng</source>
      <translation>Rank</translation>
    </message>
    <message>
      <location filename="../../ui/pages/standings.py" line="32" />
      <location filename="../../ui/pages/standings.py" line="201" />
      <source>Đơn vị</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../ui/pages/standings.py" line="33" />
      <source>Vai trò</source>
      <translation>Role</translation>
    </message>
    <message>
      <location filename="../../ui/pages/standings.py" line="34" />
      <source>Điểm tiêu chí</source>
      <translation>Criteria points</translation>
    </message>
    <message>
      <location filename="../../ui/pages/standings.py" line="35" />
      <source>Thưởng</source>
      <translation>Bonus</translation>
    </message>
    <message>
      <location filename="../../ui/pages/standings.py" line="36" />
      <source>Trừ</source>
      <translation>Penalty</translation>
    </message>
    <message>
      <location filename="../../ui/pages/standings.py" line="37" />
      <source>Tổng điểm</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="../../ui/pages/standings.py" line="38" />
      <source>Tự chấm</source>
      <translation>Self score</translation>
    </message>
    <message>
      <location filename="../../ui/pages/standings.py" line="39" />
      <source>Xếp loại</source>
      <translation>Band</translation>
    </message>
    <message>
      <location filename="../../ui/pages/standings.py" line="40" />
      <source>Cách biệt</source>
      <translation>Behind leader</translation>
    </message>
    <message>
      <location filename="../../ui/pages/standings.py" line="41" />
      <source>Đề nghị</source>
      <translation>Proposal</translation>
    </message>
    <message>
      <location filename="../../ui/pages/standings.py" line="145" />
      <source>Chưa có khối nào có bảng chấm điểm.</source>
      <translation>No bloc has a scoring table yet.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/standings.py" line="169" />
      <source>Chưa đủ phiếu chấm</source>
      <translation>Score sheet incomplete</translation>
    </message>
    <message>
      <location filename="../../ui/pages/standings.py" line="181" />
      <source>Đề nghị Cờ thi đua: {0}</source>
      <translation>Proposed for the emulation flag: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/standings.py" line="182" />
      <source>Đề nghị Bằng khen: {0}</source>
      <translation>Proposed for certificates of merit: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/standings.py" line="214" />
      <source>Khối, cụm:</source>
      <translation>Bloc:</translation>
    </message>
    <message>
      <location filename="../../ui/pages/standings.py" line="215" />
      <source>Năm:</source>
      <translation>Year:</translation>
    </message>
    <message>
      <location filename="../../ui/pages/standings.py" line="216" />
      <source>Thứ hạng qua các năm</source>
      <translation>Rank over the years</translation>
    </message>
    <message>
      <source>Đồng hạng dẫn đầu: {0} — khối bỏ phiếu suy tôn đơn vị đề nghị Cờ thi đua.</source>
      <translation>Tied for first: {0} — the bloc votes which unit to propose for the emulation flag.</translation>
    </message>
    <message>
      <source>{0}: phiếu chấm chưa đủ (thiếu tiêu chí {1}); chưa xếp hạng.</source>
      <translation>{0}: score sheet incomplete (criteria {1} missing); not ranked.</translation>
    </message>
    <message>
      <source>Hạng 6 tháng</source>
      <translation>Half-year rank</translation>
    </message>
    <message>
      <source>Cả năm</source>
      <translation>Whole year</translation>
    </message>
    <message>
      <source>6 tháng đầu năm</source>
      <translation>First half-year</translation>
    </message>
    <message>
      <source>Nhập điểm…</source>
      <translation>Enter scores…</translation>
    </message>
    <message>
      <source>Bảng tiêu chí…</source>
      <translation>Criteria table…</translation>
    </message>
    <message>
      <source>Xuất phiếu chấm (xlsx)…</source>
      <translation>Export score sheets (xlsx)…</translation>
    </message>
    <message>
      <source>Nhập phiếu chấm…</source>
      <translation>Import score sheets…</translation>
    </message>
    <message>
      <source>Khóa kỳ</source>
      <translation>Close period</translation>
    </message>
    <message>
      <source>Mở lại kỳ…</source>
      <translation>Reopen period…</translation>
    </message>
    <message>
      <source>Khóa kỳ chấm điểm này? Sau khi khóa, muốn sửa điểm phải mở lại kỳ (kèm lý do).</source>
      <translation>Close this scoring period? Once closed, changing a score needs the period reopened (with a reason).</translation>
    </message>
    <message>
      <source>Kỳ:</source>
      <translation>Period:</translation>
    </message>
    <message>
      <source>Đang mở</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Chọn thư mục lưu phiếu chấm</source>
      <translation>Choose the folder for the score sheets</translation>
    </message>
    <message>
      <source>Chọn các phiếu chấm đã điền</source>
      <translation>Choose the filled score sheets</translation>
    </message>
    <message>
      <source>Đang nhập phiếu chấm…</source>
      <translation>Importing score sheets…</translation>
    </message>
    <message>
      <source>Đang khóa kỳ…</source>
      <translation>Closing the period…</translation>
    </message>
    <message>
      <source>Đã khóa ngày {0} bởi {1}</source>
      <translation>Closed on {0} by {1}</translation>
    </message>
    <message>
      <source>Đã xuất {0} phiếu chấm vào {1}.</source>
      <translation>Exported {0} score sheets to {1}.</translation>
    </message>
    <message>
      <source>mở lại ngày {0} bởi {1}, lý do: {2}</source>
      <translation>reopened on {0} by {1}, reason: {2}</translation>
    </message>
    <message>
      <source>{0} (năm mới)</source>
      <translation>{0} (new year)</translation>
    </message>
    <message>
      <source>Việc của thường trực khối (đơn vị khối trưởng, khối phó): bảng tiêu chí, nhập điểm, nhập phiếu chấm, khóa và mở lại kỳ, văn bản của khối.</source>
      <translation>The bloc secretariat's work (the head and deputy units): the criteria table, score entry, importing score sheets, closing and reopening a period, the bloc's papers.</translation>
    </message>
    <message>
      <source>Tài khoản này làm được các việc đó.</source>
      <translation>This account may do that work.</translation>
    </message>
    <message>
      <source>Tài khoản này chỉ xem.</source>
      <translation>This account may only view.</translation>
    </message>
    <message>
      <source>Khối trưởng: {0}</source>
      <translation>Bloc head: {0}</translation>
    </message>
    <message>
      <source>khối phó: {0}</source>
      <translation>deputy: {0}</translation>
    </message>
  </context>
  <context>
    <name>UnitDialog</name>
    <message>
      <location filename="../../ui/dialogs/unit.py" line="19" />
      <source>Đơn vị</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/unit.py" line="29" />
      <source>Mã đơn vị</source>
      <translation>Unit code</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/unit.py" line="30" />
      <source>Tên đơn vị</source>
      <translation>Unit name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/unit.py" line="31" />
      <source>Tên viết tắt</source>
      <translation>Short name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/unit.py" line="32" />
      <source>Cấp</source>
      <translation>Level</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/unit.py" line="37" />
      <source>Trực thuộc</source>
      <translation>Parent unit</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/unit.py" line="39" />
      <source>Đang hoạt động</source>
      <translation>Active</translation>
    </message>
  </context>
  <context>
    <name>UnitsPage</name>
    <message>
      <location filename="../../ui/pages/units.py" line="30" />
      <source>Thêm đơn vị</source>
      <translation>New unit</translation>
    </message>
    <message>
      <location filename="../../ui/pages/units.py" line="31" />
      <source>Sửa</source>
      <translation>Edit</translation>
    </message>
    <message>
      <location filename="../../ui/pages/units.py" line="32" />
      <source>Thêm khối, cụm</source>
      <translation>New bloc</translation>
    </message>
    <message>
      <location filename="../../ui/pages/units.py" line="33" />
      <source>Thành viên khối theo năm…</source>
      <translation>Bloc members by year…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/units.py" line="80" />
      <source>Khối, cụm thi đua</source>
      <translation>Emulation blocs and clusters</translation>
    </message>
  </context>
  <context>
    <name>Verdict</name>
    <message>
      <location filename="../../ui/widgets/verdict.py" line="14" />
      <source>Chọn đối tượng và danh hiệu để kiểm tra điều kiện.</source>
      <translation>Choose the nominee and the award to check eligibility.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/verdict.py" line="15" />
      <source>Đủ điều kiện theo các quy định đang áp dụng.</source>
      <translation>Eligible under the rules in force.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/verdict.py" line="16" />
      <source>Cần lưu ý trước khi trình.</source>
      <translation>Check the warnings before submitting.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/verdict.py" line="17" />
      <source>Chưa đủ điều kiện.</source>
      <translation>Not eligible yet.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/verdict.py" line="19" />
      <source>Hồ sơ chưa lưu: mới kiểm tra đối tượng và hiệu lực của danh hiệu; lưu để kiểm tra đầy đủ.</source>
      <translation>Not saved yet: only the target and the award's validity are checked; save for the full check.</translation>
    </message>
  </context>
  <context>
    <name>VerifyDialog</name>
    <message>
      <location filename="../../ui/certificates/verify_dialog.py" line="16" />
      <source>Kiểm tra giấy chứng nhận</source>
      <translation>Verify a certificate</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/verify_dialog.py" line="19" />
      <source>Mã in trên giấy (SV-000123-K7QX2MPA) hoặc nội dung mã QR</source>
      <translation>Code printed on the certificate (SV-000123-K7QX2MPA) or the QR code's content</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/verify_dialog.py" line="20" />
      <source>Kiểm tra</source>
      <translation>Verify</translation>
    </message>
    <message>
      <location filename="../../ui/certificates/verify_dialog.py" line="27" />
      <source>Mã xác thực:</source>
      <translation>Verification code:</translation>
    </message>
  </context>
  <context>
    <name>FailedLoginsDialog</name>
    <message>
      <source>Đăng nhập sai gần đây</source>
      <translation>Recent failed log-ins</translation>
    </message>
    <message>
      <source>Thời điểm (UTC)</source>
      <translation>Time (UTC)</translation>
    </message>
    <message>
      <source>Tên đã nhập</source>
      <translation>Name typed</translation>
    </message>
    <message>
      <source>Tài khoản</source>
      <translation>Account</translation>
    </message>
    <message>
      <source>Lý do</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Lần sai liên tiếp</source>
      <translation>Failures in a row</translation>
    </message>
    <message>
      <source>Chưa có lần đăng nhập sai nào.</source>
      <translation>No failed log-in yet.</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <location filename="../../ui/dialogs/login.py" line="28" />
      <source>Đăng nhập</source>
      <translation>Log in</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login.py" line="33" />
      <source>Đăng &amp;nhập</source>
      <translation>&amp;Log in</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login.py" line="39" />
      <source>Tên đăng nhập</source>
      <translation>User name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login.py" line="40" />
      <source>Mật khẩu</source>
      <translation>Password</translation>
    </message>
  </context>
  <context>
    <name>FirstAdminDialog</name>
    <message>
      <location filename="../../ui/dialogs/login.py" line="56" />
      <source>Tạo tài khoản quản trị</source>
      <translation>Create the administrator account</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login.py" line="65" />
      <source>Cơ sở dữ liệu chưa có tài khoản nào. Hãy tạo tài khoản quản trị: từ đó mọi người phải đăng nhập, và mỗi thay đổi ghi rõ ai đã làm. Bấm Hủy để tiếp tục dùng không cần đăng nhập.</source>
      <translation>This database has no accounts yet. Create the administrator account: from then on everyone must log in, and every change records who made it. Press Cancel to go on without logging in.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login.py" line="39" />
      <source>Tên đăng nhập</source>
      <translation>User name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login.py" line="71" />
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login.py" line="40" />
      <source>Mật khẩu</source>
      <translation>Password</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login.py" line="73" />
      <source>Nhập lại mật khẩu</source>
      <translation>Repeat the password</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login.py" line="78" />
      <source>Hai lần nhập mật khẩu không khớp.</source>
      <translation>The two passwords differ.</translation>
    </message>
  </context>
  <context>
    <name>ChangePasswordDialog</name>
    <message>
      <location filename="../../ui/dialogs/login.py" line="88" />
      <source>Đổi mật khẩu</source>
      <translation>Change password</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login.py" line="97" />
      <source>Mật khẩu hiện tại</source>
      <translation>Current password</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login.py" line="100" />
      <source>Mật khẩu mới</source>
      <translation>New password</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login.py" line="103" />
      <source>Nhập lại mật khẩu mới</source>
      <translation>Repeat the new password</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login.py" line="78" />
      <source>Hai lần nhập mật khẩu không khớp.</source>
      <translation>The two passwords differ.</translation>
    </message>
  </context>
<context>
    <name>History</name>
    <message>
      <source>Thời điểm</source>
      <translation>When</translation>
    </message>
    <message>
      <source>Người thực hiện</source>
      <translation>By</translation>
    </message>
    <message>
      <source>Bước</source>
      <translation>Step</translation>
    </message>
    <message>
      <source>Lý do, kết quả</source>
      <translation>Reason, result</translation>
    </message>
  </context>
<context>
    <name>OfficeDialog</name>
    <message>
      <source>Tên cơ quan (đầu văn bản)</source>
      <translation>Office name (letterhead)</translation>
    </message>
    <message>
      <source>Cơ quan chủ quản</source>
      <translation>Parent body</translation>
    </message>
    <message>
      <source>Địa danh (dòng ngày tháng)</source>
      <translation>Place (date line)</translation>
    </message>
    <message>
      <source>Chức vụ người ký</source>
      <translation>Signer's title</translation>
    </message>
    <message>
      <source>Người ký</source>
      <translation>Signer</translation>
    </message>
    <message>
      <source>Ký thay, thay mặt</source>
      <translation>Signing for</translation>
    </message>
    <message>
      <source>Hội đồng Thi đua - Khen thưởng</source>
      <translation>Emulation and Commendation Council</translation>
    </message>
    <message>
      <source>Thông tin cơ quan</source>
      <translation>Office details</translation>
    </message>
    <message>
      <source>Thẩm quyền ký</source>
      <translation>Signing authority</translation>
    </message>
    <message>
      <source>ví dụ: {0}</source>
      <translation>e.g. {0}</translation>
    </message>
  </context>
<context>
    <name>DecisionView</name>
    <message>
      <source>Số hồ sơ</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>Cá nhân / tập thể</source>
      <translation>Nominee</translation>
    </message>
    <message>
      <source>Danh hiệu, hình thức</source>
      <translation>Award</translation>
    </message>
    <message>
      <source>Đơn vị đề nghị</source>
      <translation>Proposing unit</translation>
    </message>
    <message>
      <source>Sổ / số vào sổ</source>
      <translation>Register / number</translation>
    </message>
    <message>
      <source>Quyết định {0}</source>
      <translation>Decision {0}</translation>
    </message>
    <message>
      <source>&lt;b&gt;{0}&lt;/b&gt; ngày {1} — {2}&lt;br&gt;{3} {4}: {5}</source>
      <translation>&lt;b&gt;{0}&lt;/b&gt; of {1} — {2}&lt;br&gt;{3} {4}: {5}</translation>
    </message>
    <message>
      <source>In giấy khen của quyết định…</source>
      <translation>Print this decision's certificates…</translation>
    </message>
    <message>
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>{0} khen thưởng</source>
      <translation>{0} awards</translation>
    </message>
    <message>
      <source>Tiền thưởng (đồng)</source>
      <translation>Cash (đồng)</translation>
    </message>
    <message>
      <source>{0} khen thưởng — tổng tiền thưởng {1} đồng</source>
      <translation>{0} awards — total cash {1} đồng</translation>
    </message>
  </context>
<context>
    <name>Guide</name>
    <message>
      <source>Hướng dẫn sử dụng Sổ Thi đua</source>
      <translation>Sổ Thi đua user guide (Vietnamese)</translation>
    </message>
    <message>
      <source>Không tìm thấy tệp hướng dẫn: {0}</source>
      <translation>The guide was not found: {0}</translation>
    </message>
  </context>
  <context>
    <name>DomainError</name>
    <message>
      <source>Có {0} đơn vị biểu quyết đồng ý, nhiều hơn {1} đơn vị có mặt.</source>
      <translation>{0} units voted in favour, more than the {1} units present.</translation>
    </message>
    <message>
      <source>Khối chưa có đơn vị thành viên năm {0}.</source>
      <translation>The bloc has no member units in {0}.</translation>
    </message>
    <message>
      <source>Khối «{0}» chưa có bảng tiêu chí chấm điểm năm {1}.</source>
      <translation>Bloc «{0}» has no scoring criteria table for {1}.</translation>
    </message>
    <message>
      <source>Khối «{0}» chưa có đơn vị nào được đề nghị khen thưởng năm {1}.</source>
      <translation>Bloc «{0}» has no unit proposed for an award in {1}.</translation>
    </message>
    <message>
      <source>Khối «{0}» chưa có đơn vị thành viên năm {1}.</source>
      <translation>Bloc «{0}» has no member units in {1}.</translation>
    </message>
    <message>
      <source>Kỳ phải là «h1» (6 tháng đầu năm) hoặc «year» (cả năm).</source>
      <translation>The period must be «h1» (first half of the year) or «year» (whole year).</translation>
    </message>
    <message>
      <source>Số phiếu không được âm.</source>
      <translation>A vote count cannot be negative.</translation>
    </message>
    <message>
      <source>«{0}» quá dài (tối đa {1} ký tự).</source>
      <translation>«{0}» is too long (at most {1} characters).</translation>
    </message>
    <message>
      <source>Đơn vị mã «{0}» không thuộc khối năm {1}.</source>
      <translation>Unit «{0}» is not a member of the bloc in {1}.</translation>
    </message>
    <message>
      <source>Bản ghi vừa được người khác thay đổi hoặc xóa. Hãy mở lại để xem bản mới nhất; thay đổi của bạn chưa được lưu.</source>
      <translation>The record was just changed or deleted by someone else. Open it again to see the latest version; your changes were not saved.</translation>
    </message>
    <message>
      <source>Bản sao lưu vừa tạo không qua được kiểm tra toàn vẹn; đã hủy bản sao đó.</source>
      <translation>The backup just made did not pass the integrity check; it has been discarded.</translation>
    </message>
    <message>
      <source>Bản sao lưu {0} bị hỏng ({1}); không khôi phục từ bản này.</source>
      <translation>Backup {0} is damaged ({1}); not restoring from it.</translation>
    </message>
    <message>
      <source>Bảng tiêu chí năm {0} đã có điểm chấm; không thay cả bảng được.</source>
      <translation>The criteria table of {0} already has scores; the whole table cannot be replaced.</translation>
    </message>
    <message>
      <source>Bảng tiêu chí phải có ít nhất một dòng.</source>
      <translation>The criteria table must have at least one row.</translation>
    </message>
    <message>
      <source>Chưa chọn hồ sơ nào.</source>
      <translation>No dossier selected.</translation>
    </message>
    <message>
      <source>Chưa có căn cứ đã đối chiếu cho tiền thưởng hộ gia đình trước 01/07/2025 ({0} chỉ áp dụng từ ngày đó).</source>
      <translation>No verified basis yet for household cash rewards before 01/07/2025 ({0} applies only from that date).</translation>
    </message>
    <message>
      <source>Chưa có mẫu giấy chứng nhận cho khen thưởng mã «{0}».</source>
      <translation>No certificate layout yet for the award with code «{0}».</translation>
    </message>
    <message>
      <source>Chế độ in là «full» (giấy trắng) hoặc «blank» (phôi in sẵn).</source>
      <translation>The print mode is «full» (plain paper) or «blank» (pre-printed forms).</translation>
    </message>
    <message>
      <source>Chỉ vào sổ khen thưởng đã có quyết định (hồ sơ mã {0} đang ở trạng thái «{1}»).</source>
      <translation>Only awards with a decision go into the register (dossier {0} is «{1}»).</translation>
    </message>
    <message>
      <source>Chỉ vào sổ khen thưởng đã có quyết định (hồ sơ đang ở trạng thái «{0}»).</source>
      <translation>Only awards with a decision go into the register (the dossier is «{0}»).</translation>
    </message>
    <message>
      <source>Chọn cá nhân (mã hoặc số CCCD).</source>
      <translation>Choose a person (id or ID card number).</translation>
    </message>
    <message>
      <source>Chọn một cá nhân hoặc một tập thể điển hình.</source>
      <translation>Choose an individual or a collective as the exemplar.</translation>
    </message>
    <message>
      <source>Chọn một cá nhân hoặc một tập thể đăng ký.</source>
      <translation>Choose an individual or a collective that registers.</translation>
    </message>
    <message>
      <source>Chọn một cá nhân hoặc một tập thể được đánh giá.</source>
      <translation>Choose an individual or a collective to appraise.</translation>
    </message>
    <message>
      <source>Chọn một tệp PDF chung hoặc một thư mục (mỗi giấy một tệp).</source>
      <translation>Choose one PDF file for all or a folder (one file per certificate).</translation>
    </message>
    <message>
      <source>Chọn quyết định, năm, phong trào hoặc danh sách hồ sơ để in.</source>
      <translation>Choose a decision, a year, a campaign or a list of dossiers to print.</translation>
    </message>
    <message>
      <source>Chọn ít nhất một năm để thống kê.</source>
      <translation>Choose at least one year for the statistics.</translation>
    </message>
    <message>
      <source>Chọn đúng một đối tượng được đề nghị: một cá nhân hoặc một tập thể.</source>
      <translation>Choose exactly one nominee: an individual or a collective.</translation>
    </message>
    <message>
      <source>Cách xử lý bản ghi trùng chỉ là «skip» (bỏ qua) hoặc «merge» (gộp).</source>
      <translation>Duplicates are either «skip» or «merge».</translation>
    </message>
    <message>
      <source>Cán bộ nhập liệu phải thuộc một đơn vị.</source>
      <translation>A data-entry clerk must belong to a unit.</translation>
    </message>
    <message>
      <source>Cây đơn vị bị lặp.</source>
      <translation>The unit tree has a loop.</translation>
    </message>
    <message>
      <source>Cây đơn vị trong tệp bị lặp.</source>
      <translation>The unit tree in the file has a loop.</translation>
    </message>
    <message>
      <source>Có nhiều quyết định số {0}; hãy ghi rõ năm.</source>
      <translation>There are several decisions numbered {0}; give the year.</translation>
    </message>
    <message>
      <source>Có {0} sổ vàng ({1}); hãy chọn sổ để vào số.</source>
      <translation>There are {0} registers ({1}); choose the register to number in.</translation>
    </message>
    <message>
      <source>Có {0} thành viên dự họp, nhiều hơn tổng số {1} của Hội đồng.</source>
      <translation>{0} members attended, more than the council's total of {1}.</translation>
    </message>
    <message>
      <source>Cơ sở dữ liệu đang mở ở chế độ chỉ đọc (tệp đang được mở trong một cửa sổ khác): không ghi được. Hãy thực hiện thay đổi ở cửa sổ đang mở tệp này.</source>
      <translation>The database is open read-only (the file is open in another window): nothing can be written. Make the change in the window that has the file open.</translation>
    </message>
    <message>
      <source>Cấu hình xếp hạng khối không có hạng xếp loại nào.</source>
      <translation>The bloc ranking settings have no bands.</translation>
    </message>
    <message>
      <source>Cấu hình xếp hạng khối: các hạng phải xếp từ điểm cao xuống thấp.</source>
      <translation>Bloc ranking settings: the bands must go from the highest score down.</translation>
    </message>
    <message>
      <source>Cấu hình xếp hạng khối: khóa phá hòa không hỗ trợ: {0}.</source>
      <translation>Bloc ranking settings: unsupported tie-break keys: {0}.</translation>
    </message>
    <message>
      <source>Cấu hình xếp hạng khối: «{0}» = {1} không phải tên hạng.</source>
      <translation>Bloc ranking settings: «{0}» = {1} is not a band name.</translation>
    </message>
    <message>
      <source>Cần ghi rõ lý do khi chuyển hồ sơ sang «{0}».</source>
      <translation>Give the reason for moving the dossier to «{0}».</translation>
    </message>
    <message>
      <source>Cần ghi rõ lý do rút hồ sơ khỏi quyết định.</source>
      <translation>Give the reason for withdrawing the dossier from the decision.</translation>
    </message>
    <message>
      <source>Giới tính không hợp lệ.</source>
      <translation>Invalid gender.</translation>
    </message>
    <message>
      <source>Hãy ghi «{0}» thay mặt ai, ví dụ GIÁM ĐỐC.</source>
      <translation>Write on whose behalf «{0}» signs, e.g. DIRECTOR.</translation>
    </message>
    <message>
      <source>Hãy nhập chức vụ người ký.</source>
      <translation>Enter the signer's position.</translation>
    </message>
    <message>
      <source>Hình thức kỷ luật không hợp lệ.</source>
      <translation>Invalid kind of discipline.</translation>
    </message>
    <message>
      <source>Họ và tên không được để trống.</source>
      <translation>Full name must not be empty.</translation>
    </message>
    <message>
      <source>Họ và tên quá dài.</source>
      <translation>Full name is too long.</translation>
    </message>
    <message>
      <source>Hồ sơ cá nhân vừa được người khác sửa. Hãy mở lại để xem bản mới nhất.</source>
      <translation>The person's record was just changed by someone else. Open it again to see the latest version.</translation>
    </message>
    <message>
      <source>Hồ sơ «{0}» không ở trạng thái «{1}».</source>
      <translation>Dossier «{0}» is not «{1}».</translation>
    </message>
    <message>
      <source>Hồ sơ «{0}»: {1}</source>
      <translation>Dossier «{0}»: {1}</translation>
    </message>
    <message>
      <source>Hồ sơ đang ở trạng thái «{0}», không sửa được.</source>
      <translation>The dossier is «{0}» and cannot be edited.</translation>
    </message>
    <message>
      <source>Hồ sơ đề nghị của «{0}» vừa được người khác thay đổi. Hãy mở lại để xem bản mới nhất; thay đổi của bạn chưa được lưu.</source>
      <translation>The nomination of «{0}» was just changed by someone else. Open it again to see the latest version; your changes were not saved.</translation>
    </message>
    <message>
      <source>Hội đồng phải có ít nhất một thành viên.</source>
      <translation>The council must have at least one member.</translation>
    </message>
    <message>
      <source>Khen thưởng của «{0}» đã được cấp số vào sổ vàng: không rút được, chỉ thu hồi được.</source>
      <translation>The award of «{0}» already has a register number: it cannot be withdrawn, only revoked.</translation>
    </message>
    <message>
      <source>Khóa ký ({0}) không phải khóa của cơ sở dữ liệu này: giấy chứng nhận in ra sẽ không xác thực được. Hãy dùng đúng tệp khóa của đơn vị.</source>
      <translation>The signing key ({0}) is not this database's key: certificates printed with it would not verify. Use your unit's key file.</translation>
    </message>
    <message>
      <source>Không có danh hiệu, hình thức khen thưởng mã «{0}».</source>
      <translation>No award with code «{0}».</translation>
    </message>
    <message>
      <source>Không có danh sách «{0}» (chọn: {1}).</source>
      <translation>No list «{0}» (choose: {1}).</translation>
    </message>
    <message>
      <source>Không có hồ sơ nào năm {0} để lập biên bản họp Hội đồng.</source>
      <translation>No dossiers of {0} for the council's minutes.</translation>
    </message>
    <message>
      <source>Không có hồ sơ đề nghị nào năm {0} phù hợp để lập tờ trình.</source>
      <translation>No nominations of {0} fit for a submission.</translation>
    </message>
    <message>
      <source>Không có khen thưởng nào theo {0}.</source>
      <translation>No awards for {0}.</translation>
    </message>
    <message>
      <source>Không có khen thưởng nào đã có quyết định để lập danh sách chi tiền thưởng.</source>
      <translation>No decided awards for a payout list.</translation>
    </message>
    <message>
      <source>Không có khóa ký giấy chứng nhận ({0}).</source>
      <translation>No certificate signing key ({0}).</translation>
    </message>
    <message>
      <source>Không có khối thi đua mã «{0}».</source>
      <translation>No emulation bloc with code «{0}».</translation>
    </message>
    <message>
      <source>Không có loại báo cáo «{0}».</source>
      <translation>No report kind «{0}».</translation>
    </message>
    <message>
      <source>Không có loại dữ liệu «{0}» (chọn: {1}).</source>
      <translation>No data kind «{0}» (choose: {1}).</translation>
    </message>
    <message>
      <source>Không có mẫu «{0}» (chọn: {1}).</source>
      <translation>No layout «{0}» (choose: {1}).</translation>
    </message>
    <message>
      <source>Không có mẫu «{0}» trong thư mục của bạn.</source>
      <translation>No layout «{0}» in your folder.</translation>
    </message>
    <message>
      <source>Không có mẫu «{0}».</source>
      <translation>No layout «{0}».</translation>
    </message>
    <message>
      <source>Không có mức lương cơ sở cho ngày {0} (tệp mức lương cơ sở bắt đầu từ {1}).</source>
      <translation>No base salary for {0} (the base salary file starts on {1}).</translation>
    </message>
    <message>
      <source>Không có quyết định số {0}.</source>
      <translation>No decision numbered {0}.</translation>
    </message>
    <message>
      <source>Không có sổ vàng mã «{0}».</source>
      <translation>No register with code «{0}».</translation>
    </message>
    <message>
      <source>Không có tài khoản «{0}».</source>
      <translation>No account «{0}».</translation>
    </message>
    <message>
      <source>Không có tệp sao lưu {0}.</source>
      <translation>No backup file {0}.</translation>
    </message>
    <message>
      <source>Không có đơn vị mã «{0}».</source>
      <translation>No unit with code «{0}».</translation>
    </message>
    <message>
      <source>Không ghi được bản sao lưu vào {0}: {1}</source>
      <translation>Could not write the backup to {0}: {1}</translation>
    </message>
    <message>
      <source>Không ghi được vào thư mục «{0}»: {1}.</source>
      <translation>Cannot write to folder «{0}»: {1}.</translation>
    </message>
    <message>
      <source>Không khóa được tài khoản quản trị cuối cùng còn hoạt động.</source>
      <translation>The last active administrator account cannot be locked.</translation>
    </message>
    <message>
      <source>Không mở được tệp cơ sở dữ liệu (kiểm tra đường dẫn và quyền truy cập).</source>
      <translation>Cannot open the database file (check the path and the access rights).</translation>
    </message>
    <message>
      <source>Không nhập được tệp «{0}»: {1}</source>
      <translation>Could not import file «{0}»: {1}</translation>
    </message>
    <message>
      <source>Không sao lưu được cơ sở dữ liệu: {0}</source>
      <translation>Could not back up the database: {0}</translation>
    </message>
    <message>
      <source>Không thể chuyển hồ sơ của «{0}» từ «{1}» sang «{2}».</source>
      <translation>Cannot move the dossier of «{0}» from «{1}» to «{2}».</translation>
    </message>
    <message>
      <source>Không tìm thấy cá nhân.</source>
      <translation>Person not found.</translation>
    </message>
    <message>
      <source>Không tìm thấy danh hiệu (mã {0}).</source>
      <translation>Award not found (id {0}).</translation>
    </message>
    <message>
      <source>Không tìm thấy hồ sơ khen thưởng (mã {0}).</source>
      <translation>Award record not found (id {0}).</translation>
    </message>
    <message>
      <source>Không tìm thấy hồ sơ khen thưởng mã {0}.</source>
      <translation>Award record not found: id {0}.</translation>
    </message>
    <message>
      <source>Không tìm thấy hồ sơ đề nghị (mã {0}).</source>
      <translation>Nomination not found (id {0}).</translation>
    </message>
    <message>
      <source>Không tìm thấy sổ đăng ký.</source>
      <translation>Register not found.</translation>
    </message>
    <message>
      <source>Không tìm thấy {0} (mã {1}).</source>
      <translation>{0} not found (id {1}).</translation>
    </message>
    <message>
      <source>Không tạo được thư mục «{0}»: {1}.</source>
      <translation>Cannot create folder «{0}»: {1}.</translation>
    </message>
    <message>
      <source>Không xóa được quyết định {0}: đã có khen thưởng theo quyết định này.</source>
      <translation>Cannot delete decision {0}: awards have been made under it.</translation>
    </message>
    <message>
      <source>Không xóa được «{0}»: đã có hồ sơ đề nghị khen thưởng.</source>
      <translation>Cannot delete «{0}»: there are nominations for them.</translation>
    </message>
    <message>
      <source>Không xóa được đơn vị «{0}»: đơn vị còn cán bộ.</source>
      <translation>Cannot delete unit «{0}»: it still has staff.</translation>
    </message>
    <message>
      <source>Không xóa được đơn vị «{0}»: đơn vị còn đơn vị trực thuộc.</source>
      <translation>Cannot delete unit «{0}»: it still has sub-units.</translation>
    </message>
    <message>
      <source>Không xóa được đơn vị «{0}»: đơn vị có hồ sơ khen thưởng.</source>
      <translation>Cannot delete unit «{0}»: it has award dossiers.</translation>
    </message>
    <message>
      <source>Không đọc được cấu hình xếp hạng khối {0}: {1}</source>
      <translation>Cannot read the bloc ranking settings {0}: {1}</translation>
    </message>
    <message>
      <source>Không đọc được khóa ký giấy chứng nhận ({0}): {1}</source>
      <translation>Cannot read the certificate signing key ({0}): {1}</translation>
    </message>
    <message>
      <source>Không đọc được tệp căn chỉnh máy in {0}: {1}</source>
      <translation>Cannot read the printer calibration file {0}: {1}</translation>
    </message>
    <message>
      <source>Không đọc được tệp mức lương cơ sở {0}: {1}</source>
      <translation>Cannot read the base salary file {0}: {1}</translation>
    </message>
    <message>
      <source>Mã khối không được để trống.</source>
      <translation>The bloc code must not be empty.</translation>
    </message>
    <message>
      <source>Mã khối «{0}» đã được dùng.</source>
      <translation>Bloc code «{0}» is already in use.</translation>
    </message>
    <message>
      <source>Mã sổ không được để trống.</source>
      <translation>The register code must not be empty.</translation>
    </message>
    <message>
      <source>Mã tiêu chí bị trùng trong bảng.</source>
      <translation>A criterion code appears twice in the table.</translation>
    </message>
    <message>
      <source>Mã đơn vị chỉ gồm chữ không dấu, chữ số và các dấu - _ . (tối đa 32 ký tự).</source>
      <translation>A unit code has only unaccented letters, digits and - _ . (at most 32 characters).</translation>
    </message>
    <message>
      <source>Mã đơn vị không được để trống.</source>
      <translation>The unit code must not be empty.</translation>
    </message>
    <message>
      <source>Mã đơn vị «{0}» đã được dùng.</source>
      <translation>Unit code «{0}» is already in use.</translation>
    </message>
    <message>
      <source>Mẫu «{0}» là mẫu có sẵn, không xóa được.</source>
      <translation>Layout «{0}» is built in and cannot be deleted.</translation>
    </message>
    <message>
      <source>Mẫu «{0}» là mẫu có sẵn: hãy sao chép rồi sửa bản sao.</source>
      <translation>Layout «{0}» is built in: copy it and edit the copy.</translation>
    </message>
    <message>
      <source>Mẫu «{0}», trường «{1}»: phần in sẵn không dùng biến.</source>
      <translation>Layout «{0}», field «{1}»: the pre-printed part uses no variables.</translation>
    </message>
    <message>
      <source>Mẫu «{0}», trường «{1}»: {2}</source>
      <translation>Layout «{0}», field «{1}»: {2}</translation>
    </message>
    <message>
      <source>Mẫu «{0}»: không ghi lại được đúng nội dung mẫu; chưa lưu.</source>
      <translation>Layout «{0}»: its content could not be written back exactly; not saved.</translation>
    </message>
    <message>
      <source>Mẫu «{0}»: nội dung có ký tự không ghi được ({1}); chưa lưu.</source>
      <translation>Layout «{0}»: the content has characters that cannot be written ({1}); not saved.</translation>
    </message>
    <message>
      <source>Mật khẩu dài quá {0} ký tự.</source>
      <translation>The password is longer than {0} characters.</translation>
    </message>
    <message>
      <source>Mật khẩu hiện tại không đúng.</source>
      <translation>The current password is wrong.</translation>
    </message>
    <message>
      <source>Mật khẩu không được trùng tên đăng nhập.</source>
      <translation>The password must not be the user name.</translation>
    </message>
    <message>
      <source>Mật khẩu phải có ít nhất {0} ký tự.</source>
      <translation>The password needs at least {0} characters.</translation>
    </message>
    <message>
      <source>Mỗi tiêu chí phải có mã.</source>
      <translation>Every criterion needs a code.</translation>
    </message>
    <message>
      <source>Mức 1,5 lần cho hộ gia đình chỉ áp dụng cho hình thức khen thưởng của cá nhân ({0}); «{1}» ({2}) không phải.</source>
      <translation>The 1.5 × rate for households applies only to forms of award for individuals ({0}); «{1}» ({2}) is not one.</translation>
    </message>
    <message>
      <source>Mức xếp loại không hợp lệ.</source>
      <translation>Invalid rating.</translation>
    </message>
    <message>
      <source>Ngày chuyển phải sau ngày bắt đầu công tác hiện tại.</source>
      <translation>The transfer date must be after the start of the current post.</translation>
    </message>
    <message>
      <source>Ngày kết thúc không được trước ngày bắt đầu.</source>
      <translation>The end date must not be before the start date.</translation>
    </message>
    <message>
      <source>Ngày sinh không hợp lệ.</source>
      <translation>Invalid date of birth.</translation>
    </message>
    <message>
      <source>Ngưỡng tối thiểu của tiêu chí {0} phải từ 0 đến 1.</source>
      <translation>The floor of criterion {0} must be between 0 and 1.</translation>
    </message>
    <message>
      <source>Năm sinh không hợp lệ.</source>
      <translation>Invalid year of birth.</translation>
    </message>
    <message>
      <source>Năm sinh không khớp với ngày sinh.</source>
      <translation>The year of birth does not match the date of birth.</translation>
    </message>
    <message>
      <source>Năm thống kê phải từ 1945 đến 2200.</source>
      <translation>The statistics year must be between 1945 and 2200.</translation>
    </message>
    <message>
      <source>Năm {0} không hợp lệ (từ {1} đến {2}).</source>
      <translation>Year {0} is not valid (from {1} to {2}).</translation>
    </message>
    <message>
      <source>Nội dung quá dài.</source>
      <translation>The text is too long.</translation>
    </message>
    <message>
      <source>Phong trào theo đợt, chuyên đề phải có ngày kết thúc.</source>
      <translation>A campaign by rounds or themes needs an end date.</translation>
    </message>
    <message>
      <source>Quyết định {0} chưa có khen thưởng nào.</source>
      <translation>Decision {0} has no awards yet.</translation>
    </message>
    <message>
      <source>Sáng kiến phải có ít nhất một tác giả.</source>
      <translation>An initiative needs at least one author.</translation>
    </message>
    <message>
      <source>Số CCCD phải gồm đúng 12 chữ số.</source>
      <translation>An ID card number has exactly 12 digits.</translation>
    </message>
    <message>
      <source>Số CCCD {0} đã có trong sổ: {1} (mã {2}).</source>
      <translation>ID card number {0} is already in the book: {1} (id {2}).</translation>
    </message>
    <message>
      <source>Số phiếu không đồng ý không hợp lệ.</source>
      <translation>Invalid number of votes against.</translation>
    </message>
    <message>
      <source>Số phiếu đồng ý không hợp lệ.</source>
      <translation>Invalid number of votes in favour.</translation>
    </message>
    <message>
      <source>Số quyết định «{0}» không đúng dạng (ví dụ: 123/QĐ-UBND).</source>
      <translation>Decision number «{0}» is not in the right form (e.g. 123/QĐ-UBND).</translation>
    </message>
    <message>
      <source>Số thành viên Hội đồng phải lớn hơn 0.</source>
      <translation>The council must have more than 0 members.</translation>
    </message>
    <message>
      <source>Số văn bản «{0}» không đúng dạng (ví dụ: 12/TTr-SNV).</source>
      <translation>Document number «{0}» is not in the right form (e.g. 12/TTr-SNV).</translation>
    </message>
    <message>
      <source>Sổ «{0}» đã có.</source>
      <translation>Register «{0}» already exists.</translation>
    </message>
    <message>
      <source>Thư mục mẫu của bạn trùng thư mục mẫu có sẵn; không ghi vào đó.</source>
      <translation>Your layout folder is the built-in layout folder; nothing is written there.</translation>
    </message>
    <message>
      <source>Thư mục «{0}» không tồn tại.</source>
      <translation>Folder «{0}» does not exist.</translation>
    </message>
    <message>
      <source>Thẩm quyền ký chỉ là TM., KT., Q., TL. hoặc TUQ.</source>
      <translation>The signing authority is only TM., KT., Q., TL. or TUQ.</translation>
    </message>
    <message>
      <source>Thẩm quyền ký phải là TM., KT., Q., TL. hoặc TUQ.</source>
      <translation>The signing authority must be TM., KT., Q., TL. or TUQ.</translation>
    </message>
    <message>
      <source>Tiền thưởng của quyết định ký trước 01/10/2017 (theo NĐ 121/2005/NĐ-CP, NĐ 42/2010/NĐ-CP) chưa được mã hóa; ngày ký: {0}.</source>
      <translation>Cash for decisions signed before 01/10/2017 (under Decrees 121/2005 and 42/2010) is not coded; signed on: {0}.</translation>
    </message>
    <message>
      <source>Tài khoản «{0}» ({1}) chỉ được phép {2} của đơn vị mình và các đơn vị trực thuộc.</source>
      <translation>Account «{0}» ({1}) may {2} only for its own unit and its sub-units.</translation>
    </message>
    <message>
      <source>Tài khoản «{0}» ({1}) không được phép {2}.</source>
      <translation>Account «{0}» ({1}) may not {2}.</translation>
    </message>
    <message>
      <source>Tài khoản đầu tiên phải là tài khoản quản trị (admin).</source>
      <translation>The first account must be an administrator (admin).</translation>
    </message>
    <message>
      <source>Tên máy in không được để trống.</source>
      <translation>The printer name must not be empty.</translation>
    </message>
    <message>
      <source>Tên mẫu chỉ gồm chữ thường không dấu, số, '_' hoặc '-'.</source>
      <translation>A layout name has only lower-case unaccented letters, digits, '_' or '-'.</translation>
    </message>
    <message>
      <source>Tên đăng nhập không được để trống.</source>
      <translation>The user name must not be empty.</translation>
    </message>
    <message>
      <source>Tên đăng nhập tối đa 64 ký tự, không có dấu cách.</source>
      <translation>A user name has at most 64 characters and no spaces.</translation>
    </message>
    <message>
      <source>Tóm tắt thành tích quá dài.</source>
      <translation>The summary of achievements is too long.</translation>
    </message>
    <message>
      <source>Tệp cơ sở dữ liệu nằm trên ổ mạng dùng chung: SQLite không an toàn ở đó (có thể hỏng dữ liệu khi nhiều máy cùng mở). Hãy chép tệp về máy, hoặc dùng cơ sở dữ liệu PostgreSQL chung.</source>
      <translation>The database file is on a shared network drive: SQLite is not safe there (data may be damaged when several machines open it). Copy the file to this machine, or use a shared PostgreSQL database.</translation>
    </message>
    <message>
      <source>Tệp kết quả phải có đuôi .pdf, .docx hoặc .xlsx.</source>
      <translation>The output file must end in .pdf, .docx or .xlsx.</translation>
    </message>
    <message>
      <source>Tệp mức lương cơ sở sai cú pháp: {0}</source>
      <translation>The base salary file has a syntax error: {0}</translation>
    </message>
    <message>
      <source>Tệp mức lương cơ sở: {0}.</source>
      <translation>Base salary file: {0}.</translation>
    </message>
    <message>
      <source>Tệp {0} không phải khóa Ed25519.</source>
      <translation>File {0} is not an Ed25519 key.</translation>
    </message>
    <message>
      <source>Tệp «{0}» chỉ cho phép đọc.</source>
      <translation>File «{0}» is read-only.</translation>
    </message>
    <message>
      <source>Tổng số phiếu ({0}) vượt số thành viên Hội đồng ({1}).</source>
      <translation>The total of votes ({0}) exceeds the council's members ({1}).</translation>
    </message>
    <message>
      <source>Tổng số thành viên Hội đồng ({0}) khác với số đã ghi khi bỏ phiếu ({1}): hãy sửa tổng số, hoặc lập biên bản riêng cho từng Hội đồng (lọc theo đơn vị trình).</source>
      <translation>The council's total of members ({0}) differs from the number recorded with the votes ({1}): correct the total, or make separate minutes for each council (filter by submitting unit).</translation>
    </message>
    <message>
      <source>bảng có quá nhiều cột (tối đa {0} cột).</source>
      <translation>the table has too many columns (at most {0}).</translation>
    </message>
    <message>
      <source>bảng có quá nhiều ô.</source>
      <translation>the table has too many cells.</translation>
    </message>
    <message>
      <source>bảng tính không có trang tính nào.</source>
      <translation>the workbook has no sheets.</translation>
    </message>
    <message>
      <source>chỉ nhận tệp .xlsx hoặc .csv.</source>
      <translation>only .xlsx or .csv files are accepted.</translation>
    </message>
    <message>
      <source>các căn cứ phải theo thứ tự ngày tăng dần ({0} sau {1})</source>
      <translation>the bases must be in ascending order of date ({0} after {1})</translation>
    </message>
    <message>
      <source>các mục phải theo thứ tự ngày tăng dần ({0} sau {1})</source>
      <translation>the entries must be in ascending order of date ({0} after {1})</translation>
    </message>
    <message>
      <source>căn cứ từ {0}: cần đủ «decree», «principle», «same_period»</source>
      <translation>basis from {0}: «decree», «principle» and «same_period» are all needed</translation>
    </message>
    <message>
      <source>căn cứ từ {0}: «valid_from» phải là ngày dạng YYYY-MM-DD</source>
      <translation>basis from {0}: «valid_from» must be a date YYYY-MM-DD</translation>
    </message>
    <message>
      <source>không có mức lương nào</source>
      <translation>no salary entries</translation>
    </message>
    <message>
      <source>không phải tệp Excel .xlsx (hãy chọn tệp .xlsx hoặc .csv).</source>
      <translation>not an Excel .xlsx file (choose an .xlsx or .csv file).</translation>
    </message>
    <message>
      <source>không phải tệp Excel .xlsx (thiếu xl/workbook.xml).</source>
      <translation>not an Excel .xlsx file (xl/workbook.xml is missing).</translation>
    </message>
    <message>
      <source>không phải tệp văn bản CSV (có ký tự nhị phân).</source>
      <translation>not a CSV text file (it has binary characters).</translation>
    </message>
    <message>
      <source>không tìm thấy dòng tiêu đề. Bảng cần có các cột {0} (tải mẫu để xem).</source>
      <translation>no header row found. The table needs the columns {0} (download the template to see them).</translation>
    </message>
    <message>
      <source>không đọc được tệp ({0}).</source>
      <translation>cannot read the file ({0}).</translation>
    </message>
    <message>
      <source>nội dung sau khi giải nén quá lớn ({0} MB; tối đa {1} MB), có thể là tệp độc hại (zip bomb).</source>
      <translation>the content is too large once unpacked ({0} MB; at most {1} MB); it may be a malicious file (zip bomb).</translation>
    </message>
    <message>
      <source>nội dung tệp .xlsx bị hỏng (XML lỗi: {0}).</source>
      <translation>the .xlsx content is damaged (XML error: {0}).</translation>
    </message>
    <message>
      <source>nội dung tệp .xlsx bị hỏng ({0}).</source>
      <translation>the .xlsx content is damaged ({0}).</translation>
    </message>
    <message>
      <source>phiên bản định dạng không hỗ trợ ({0})</source>
      <translation>unsupported format version ({0})</translation>
    </message>
    <message>
      <source>tệp .xlsx bị hỏng ({0}).</source>
      <translation>the .xlsx file is damaged ({0}).</translation>
    </message>
    <message>
      <source>tệp .xlsx bị hỏng hoặc chưa tải về đầy đủ ({0}).</source>
      <translation>the .xlsx file is damaged or not fully downloaded ({0}).</translation>
    </message>
    <message>
      <source>tệp .xlsx bị hỏng hoặc chưa tải về đầy đủ.</source>
      <translation>the .xlsx file is damaged or not fully downloaded.</translation>
    </message>
    <message>
      <source>tệp .xlsx thiếu phần «{0}».</source>
      <translation>the .xlsx file lacks the part «{0}».</translation>
    </message>
    <message>
      <source>tệp CSV lỗi ở dòng {0}: {1}.</source>
      <translation>the CSV file has an error on line {0}: {1}.</translation>
    </message>
    <message>
      <source>tệp chứa quá nhiều thành phần, không giống một bảng tính.</source>
      <translation>the file has too many parts to be a spreadsheet.</translation>
    </message>
    <message>
      <source>tệp nén bất thường (phần «{0}» bung ra gấp {1} lần), có thể là tệp độc hại (zip bomb).</source>
      <translation>unusual compression (part «{0}» expands {1} times); it may be a malicious file (zip bomb).</translation>
    </message>
    <message>
      <source>tệp quá lớn ({0} MB; tối đa {1} MB).</source>
      <translation>the file is too large ({0} MB; at most {1} MB).</translation>
    </message>
    <message>
      <source>tệp rỗng.</source>
      <translation>the file is empty.</translation>
    </message>
    <message>
      <source>tệp được đặt mật khẩu. Hãy bỏ mật khẩu rồi lưu lại dạng .xlsx.</source>
      <translation>the file is password-protected. Remove the password and save it again as .xlsx.</translation>
    </message>
    <message>
      <source>tệp được đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại dạng .xlsx.</source>
      <translation>the file is password-protected. Open it in Excel, remove the password and save it again as .xlsx.</translation>
    </message>
    <message>
      <source>{0} dài quá {1} ký tự.</source>
      <translation>{0} is longer than {1} characters.</translation>
    </message>
    <message>
      <source>{0} không hợp lệ: {1}.</source>
      <translation>{0} is not valid: {1}.</translation>
    </message>
    <message>
      <source>{0} không được để trống.</source>
      <translation>{0} must not be empty.</translation>
    </message>
    <message>
      <source>{0} đã có quyết định số {1} năm {2}.</source>
      <translation>{0} already has decision number {1} of {2}.</translation>
    </message>
    <message>
      <source>{0}: thiếu nghị định quy định mức lương «decree»</source>
      <translation>{0}: the decree that set the salary («decree») is missing</translation>
    </message>
    <message>
      <source>{0}: «amount» phải là số đồng nguyên dương</source>
      <translation>{0}: «amount» must be a positive whole number of đồng</translation>
    </message>
    <message>
      <source>{0}: «valid_from» phải là ngày dạng YYYY-MM-DD</source>
      <translation>{0}: «valid_from» must be a date YYYY-MM-DD</translation>
    </message>
    <message>
      <source>«period» phải là danh sách mục [[period]]</source>
      <translation>«period» must be a list of [[period]] entries</translation>
    </message>
    <message>
      <source>«principles» phải là danh sách mục [[principles]] (ít nhất một mục)</source>
      <translation>«principles» must be a list of [[principles]] entries (at least one)</translation>
    </message>
    <message>
      <source>«rounding» phải là số nguyên dương (đồng)</source>
      <translation>«rounding» must be a positive whole number (đồng)</translation>
    </message>
    <message>
      <source>«{0}» ({1}) không có căn cứ pháp lý vào ngày {2}.</source>
      <translation>«{0}» ({1}) has no legal basis on {2}.</translation>
    </message>
    <message>
      <source>«{0}» không có trong văn bản pháp luật có hiệu lực năm {1}.</source>
      <translation>«{0}» is not in the legal texts in force in {1}.</translation>
    </message>
    <message>
      <source>«{0}» không phải thành viên của khối năm {1}; không chấm điểm được.</source>
      <translation>«{0}» is not a member of the bloc in {1}; it cannot be scored.</translation>
    </message>
    <message>
      <source>«{0}» là khen thưởng cho tập thể, không đề nghị cho cá nhân.</source>
      <translation>«{0}» is an award for collectives, not for an individual.</translation>
    </message>
    <message>
      <source>«{0}» là khen thưởng cho {1}, không đề nghị cho tập thể.</source>
      <translation>«{0}» is an award for {1}, not for a collective.</translation>
    </message>
    <message>
      <source>«{0}» là một thư mục, không phải tệp PDF.</source>
      <translation>«{0}» is a folder, not a PDF file.</translation>
    </message>
    <message>
      <source>«{0}» đã có hồ sơ đề nghị «{1}» năm {2} (mã {3}, {4}).</source>
      <translation>«{0}» already has a nomination for «{1}» in {2} (id {3}, {4}).</translation>
    </message>
    <message>
      <source>Điểm tối đa của tiêu chí {0} phải lớn hơn 0.</source>
      <translation>The maximum of criterion {0} must be greater than 0.</translation>
    </message>
    <message>
      <source>Điểm {0} của tiêu chí {1} ({2}) vượt điểm tối đa ({3}).</source>
      <translation>Score {0} of criterion {1} ({2}) exceeds the maximum ({3}).</translation>
    </message>
    <message>
      <source>Điểm {0} của tiêu chí {1} không được âm.</source>
      <translation>Score {0} of criterion {1} must not be negative.</translation>
    </message>
    <message>
      <source>Đã có mẫu «{0}» trong thư mục của bạn.</source>
      <translation>Your folder already has a layout «{0}».</translation>
    </message>
    <message>
      <source>Đã có tài khoản «{0}».</source>
      <translation>Account «{0}» already exists.</translation>
    </message>
    <message>
      <source>Đã hủy nhập dữ liệu; chưa ghi gì.</source>
      <translation>Import cancelled; nothing was written.</translation>
    </message>
    <message>
      <source>Đã đăng ký «{0}» năm {1} rồi.</source>
      <translation>«{0}» is already registered for {1}.</translation>
    </message>
    <message>
      <source>Đơn vị không phải thành viên của khối năm {0}.</source>
      <translation>The unit is not a member of the bloc in {0}.</translation>
    </message>
    <message>
      <source>Đơn vị không thể trực thuộc chính nó hoặc đơn vị con của nó.</source>
      <translation>A unit cannot be under itself or one of its sub-units.</translation>
    </message>
    <message>
      <source>Đơn vị mới đã có cá nhân cùng họ tên và ngày sinh.</source>
      <translation>The new unit already has a person with the same name and date of birth.</translation>
    </message>
    <message>
      <source>Đơn vị «{0}» đã thuộc {1} năm {2}.</source>
      <translation>Unit «{0}» already belongs to {1} in {2}.</translation>
    </message>
    <message>
      <source>Đơn vị đã có cá nhân «{0}» cùng họ tên và ngày/năm sinh (mã {1}). Nếu là hai người khác nhau, hãy nhập ngày sinh hoặc số CCCD để phân biệt.</source>
      <translation>The unit already has a person «{0}» with the same name and date/year of birth (id {1}). If they are two different people, enter the date of birth or the ID card number to tell them apart.</translation>
    </message>
    <message>
      <source>Để chuyển đơn vị, hãy dùng chức năng Chuyển công tác.</source>
      <translation>To move to another unit, use Transfer.</translation>
    </message>
    <message>
      <source>Độ lệch {0} mm quá lớn (tối đa ±{1} mm).</source>
      <translation>Offset {0} mm is too large (at most ±{1} mm).</translation>
    </message>
    <message>
      <source>đây là tệp Excel 97–2003 (.xls). Hãy mở bằng Excel và lưu lại dạng .xlsx.</source>
      <translation>this is an Excel 97–2003 file (.xls). Open it in Excel and save it as .xlsx.</translation>
    </message>
    <message>
      <source>đây là tệp Excel, không phải CSV: hãy chọn lại với đuôi .xlsx.</source>
      <translation>this is an Excel file, not CSV: choose it again with the .xlsx extension.</translation>
    </message>
    <message>
      <source>Chưa đăng nhập: hãy đăng nhập bằng một tài khoản được phép.</source>
      <translation>Not logged in: log in with an account that is allowed.</translation>
    </message>
    <message>
      <source>Chức vụ</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>Chức vụ người ký</source>
      <translation>Signer's position</translation>
    </message>
    <message>
      <source>Cơ quan ban hành</source>
      <translation>Issuing body</translation>
    </message>
    <message>
      <source>Cơ quan công nhận</source>
      <translation>Recognising body</translation>
    </message>
    <message>
      <source>Cơ quan phát động</source>
      <translation>Launching body</translation>
    </message>
    <message>
      <source>Cấp công nhận</source>
      <translation>Level of recognition</translation>
    </message>
    <message>
      <source>Cấp đơn vị</source>
      <translation>Unit level</translation>
    </message>
    <message>
      <source>Loại dòng tiêu chí</source>
      <translation>Kind of criteria row</translation>
    </message>
    <message>
      <source>Loại khối</source>
      <translation>Kind of bloc</translation>
    </message>
    <message>
      <source>Loại phong trào</source>
      <translation>Kind of campaign</translation>
    </message>
    <message>
      <source>Loại sáng kiến</source>
      <translation>Kind of initiative</translation>
    </message>
    <message>
      <source>Người ký</source>
      <translation>Signer</translation>
    </message>
    <message>
      <source>Nơi tuyên dương</source>
      <translation>Place of honouring</translation>
    </message>
    <message>
      <source>Số quyết định</source>
      <translation>Decision number</translation>
    </message>
    <message>
      <source>Số văn bản công nhận</source>
      <translation>Recognition document number</translation>
    </message>
    <message>
      <source>Tiêu đề gương điển hình</source>
      <translation>Title of the exemplar</translation>
    </message>
    <message>
      <source>Trích yếu</source>
      <translation>Summary</translation>
    </message>
    <message>
      <source>Tên khối</source>
      <translation>Bloc name</translation>
    </message>
    <message>
      <source>Tên phong trào</source>
      <translation>Campaign name</translation>
    </message>
    <message>
      <source>Tên sáng kiến</source>
      <translation>Initiative name</translation>
    </message>
    <message>
      <source>Tên sổ</source>
      <translation>Register name</translation>
    </message>
    <message>
      <source>Tên tiêu chí</source>
      <translation>Criterion name</translation>
    </message>
    <message>
      <source>Tên viết tắt</source>
      <translation>Short name</translation>
    </message>
    <message>
      <source>Tên đơn vị</source>
      <translation>Unit name</translation>
    </message>
    <message>
      <source>Vai trò</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>Vai trò trong khối</source>
      <translation>Role in the bloc</translation>
    </message>
    <message>
      <source>cá nhân</source>
      <translation>individual</translation>
    </message>
    <message>
      <source>cơ quan ban hành</source>
      <translation>issuing body</translation>
    </message>
    <message>
      <source>danh hiệu</source>
      <translation>title</translation>
    </message>
    <message>
      <source>danh hiệu, hình thức khen thưởng</source>
      <translation>award</translation>
    </message>
    <message>
      <source>ghi kết quả bỏ phiếu của Hội đồng</source>
      <translation>record the council's votes</translation>
    </message>
    <message>
      <source>ghi kết quả đánh giá, xếp loại</source>
      <translation>record appraisals and ratings</translation>
    </message>
    <message>
      <source>ghi nhận gương điển hình</source>
      <translation>record exemplars</translation>
    </message>
    <message>
      <source>ghi nhận sáng kiến</source>
      <translation>record initiatives</translation>
    </message>
    <message>
      <source>ghi đăng ký thi đua</source>
      <translation>record emulation registrations</translation>
    </message>
    <message>
      <source>hồ sơ khen thưởng</source>
      <translation>award record</translation>
    </message>
    <message>
      <source>hồ sơ đề nghị</source>
      <translation>nomination</translation>
    </message>
    <message>
      <source>in giấy khen, bằng khen</source>
      <translation>print certificates</translation>
    </message>
    <message>
      <source>khôi phục cơ sở dữ liệu từ bản sao lưu</source>
      <translation>restore the database from a backup</translation>
    </message>
    <message>
      <source>khối thi đua</source>
      <translation>emulation bloc</translation>
    </message>
    <message>
      <source>lập tiêu chí hoặc chấm điểm thi đua</source>
      <translation>set criteria or score emulation</translation>
    </message>
    <message>
      <source>lập, sửa, xóa hoặc trình hồ sơ đề nghị khen thưởng</source>
      <translation>create, edit, delete or submit nominations</translation>
    </message>
    <message>
      <source>mở sổ hoặc cấp số vào sổ khen thưởng</source>
      <translation>open registers or give register numbers</translation>
    </message>
    <message>
      <source>nhập dữ liệu từ tệp</source>
      <translation>import data from files</translation>
    </message>
    <message>
      <source>phong trào</source>
      <translation>campaign</translation>
    </message>
    <message>
      <source>quyết định</source>
      <translation>decision</translation>
    </message>
    <message>
      <source>quản lý tài khoản người dùng</source>
      <translation>manage user accounts</translation>
    </message>
    <message>
      <source>sáng kiến</source>
      <translation>initiative</translation>
    </message>
    <message>
      <source>sổ đăng ký</source>
      <translation>register</translation>
    </message>
    <message>
      <source>thay đổi danh mục danh hiệu, hình thức khen thưởng</source>
      <translation>change the catalogue of titles and forms of award</translation>
    </message>
    <message>
      <source>thay đổi quy tắc xét khen thưởng</source>
      <translation>change the award rules</translation>
    </message>
    <message>
      <source>thay đổi đơn vị, khối, cụm thi đua</source>
      <translation>change units, blocs and clusters</translation>
    </message>
    <message>
      <source>thêm, sửa hoặc xóa hồ sơ cá nhân, quá trình công tác, kỷ luật</source>
      <translation>add, edit or delete personal records, career history and discipline</translation>
    </message>
    <message>
      <source>tiêu chí</source>
      <translation>criterion</translation>
    </message>
    <message>
      <source>trả lại, từ chối, phê duyệt hoặc thu hồi hồ sơ đề nghị</source>
      <translation>return, reject, approve or revoke nominations</translation>
    </message>
    <message>
      <source>tác giả</source>
      <translation>author</translation>
    </message>
    <message>
      <source>tạo hoặc sửa phong trào thi đua</source>
      <translation>create or edit emulation campaigns</translation>
    </message>
    <message>
      <source>tạo hoặc xóa quyết định khen thưởng</source>
      <translation>create or delete award decisions</translation>
    </message>
    <message>
      <source>tập thể</source>
      <translation>collective</translation>
    </message>
    <message>
      <source>đơn vị</source>
      <translation>unit</translation>
    </message>
    <message>
      <source>đơn vị cấp trên</source>
      <translation>parent unit</translation>
    </message>
    <message>
      <source>đơn vị phát động</source>
      <translation>launching unit</translation>
    </message>
    <message>
      <source>đơn vị đề nghị</source>
      <translation>submitting unit</translation>
    </message>
    <message>
      <source>Bảng tiêu chí {0} đã có điểm chấm; không thay cả bảng được.</source>
      <translation>The criteria table of {0} already has scores; the whole table cannot be replaced.</translation>
    </message>
    <message>
      <source>Chưa chọn tệp phiếu chấm điểm nào.</source>
      <translation>No score sheet file was chosen.</translation>
    </message>
    <message>
      <source>Không có tiêu chí mã {0} trong bảng.</source>
      <translation>The table has no criterion coded {0}.</translation>
    </message>
    <message>
      <source>Không sao chép bảng tiêu chí vào chính nó.</source>
      <translation>A criteria table cannot be copied onto itself.</translation>
    </message>
    <message>
      <source>Khối {0} chưa có bảng tiêu chí {1} để sao chép.</source>
      <translation>Bloc {0} has no criteria table for {1} to copy.</translation>
    </message>
    <message>
      <source>Khối {0} chưa có bảng tiêu chí {1}.</source>
      <translation>Bloc {0} has no criteria table for {1}.</translation>
    </message>
    <message>
      <source>Khối {0} chưa có đơn vị thành viên năm {1}.</source>
      <translation>Bloc {0} has no member units in {1}.</translation>
    </message>
    <message>
      <source>Khối «{0}» chưa có bảng tiêu chí chấm điểm {1}.</source>
      <translation>The bloc «{0}» has no scoring criteria table for {1}.</translation>
    </message>
    <message>
      <source>Kỳ chấm điểm {0} của khối {1} đang mở; không cần mở lại.</source>
      <translation>The scoring period {0} of bloc {1} is open; there is nothing to reopen.</translation>
    </message>
    <message>
      <source>Mã tiêu chí bị trùng trong thứ tự mới.</source>
      <translation>A criterion code is repeated in the new order.</translation>
    </message>
    <message>
      <source>Mã tiêu chí «{0}» dài quá 20 ký tự.</source>
      <translation>The criterion code «{0}» is longer than 20 characters.</translation>
    </message>
    <message>
      <source>Mã tiêu chí «{0}» đã có trong bảng.</source>
      <translation>The criterion code «{0}» is already in the table.</translation>
    </message>
    <message>
      <source>Mở lại kỳ chấm điểm đã khóa phải ghi rõ lý do.</source>
      <translation>Reopening a closed scoring period needs a reason.</translation>
    </message>
    <message>
      <source>Thứ tự mới thiếu tiêu chí {0}.</source>
      <translation>The new order leaves out criterion {0}.</translation>
    </message>
    <message>
      <source>Tiêu chí «{0}» đã có điểm chấm {1}, cao hơn điểm tối đa mới ({2}).</source>
      <translation>Criterion «{0}» already has a score of {1}, above the new maximum ({2}).</translation>
    </message>
    <message>
      <source>Tiêu chí «{0}» đã có điểm chấm; không xóa được.</source>
      <translation>Criterion «{0}» already has scores; it cannot be deleted.</translation>
    </message>
    <message>
      <source>Điểm tối đa của tiêu chí {0} quá lớn.</source>
      <translation>The maximum points of criterion {0} are too high.</translation>
    </message>
    <message>
      <source>Đơn vị «{0}» không phải thành viên của khối {1} năm {2}.</source>
      <translation>The unit «{0}» is not a member of bloc {1} in {2}.</translation>
    </message>
    <message>
      <source>Kỳ chấm điểm</source>
      <translation>Scoring period</translation>
    </message>
    <message>
      <source>Lý do mở lại kỳ chấm điểm</source>
      <translation>Reason for reopening the scoring period</translation>
    </message>
    <message>
      <source>Nhóm tiêu chí</source>
      <translation>Criteria group</translation>
    </message>
    <message>
      <source>Bảng tiêu chí {0} của khối {1} đã có điểm chấm; không thay cả bảng được.</source>
      <translation>The criteria table of {0} of bloc {1} already has scores; the whole table cannot be replaced.</translation>
    </message>
    <message>
      <source>Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.</source>
      <translation>Wrong user name or password, or the account is locked.</translation>
    </message>
    <message>
      <source>Khóa này đã từng là khóa của sổ (đã thôi dùng); không dùng lại.</source>
      <translation>This key was the book's key before (retired); it is not used again.</translation>
    </message>
    <message>
      <source>Không ghi được {0}: {1}</source>
      <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
      <source>Không mở được khóa trong {0}: sai mật khẩu bảo vệ, hoặc tệp không phải khóa đã xuất.</source>
      <translation>Cannot open the key in {0}: wrong passphrase, or the file is not an exported key.</translation>
    </message>
    <message>
      <source>Không tìm thấy thư mục dữ liệu 'resources' của Sổ Thi đua.</source>
      <translation>The application's 'resources' data folder was not found.</translation>
    </message>
    <message>
      <source>Không tạo được cơ sở dữ liệu trong thư mục «{0}»: thư mục chỉ cho phép đọc hoặc không có quyền ghi. Hãy chọn thư mục khác.</source>
      <translation>Cannot create a database in folder «{0}»: the folder is read-only or not writable. Choose another folder.</translation>
    </message>
    <message>
      <source>Không đọc được {0}: {1}</source>
      <translation>Cannot read {0}: {1}</translation>
    </message>
    <message>
      <source>Kỳ chấm điểm {0} của khối {1} đã khóa rồi.</source>
      <translation>The scoring period {0} of bloc {1} is already closed.</translation>
    </message>
    <message>
      <source>Mật khẩu bảo vệ khóa phải có ít nhất 8 ký tự.</source>
      <translation>The key's passphrase needs at least 8 characters.</translation>
    </message>
    <message>
      <source>Ngày không hợp lệ: «{0}» (dạng dd/mm/yyyy).</source>
      <translation>Invalid date: «{0}» (dd/mm/yyyy).</translation>
    </message>
    <message>
      <source>Ngày không tồn tại: «{0}».</source>
      <translation>No such date: «{0}».</translation>
    </message>
    <message>
      <source>Phiên đọc không được ghi dữ liệu (read session flushed: {0} new, {1} changed, {2} deleted).</source>
      <translation>A read session may not write (read session flushed: {0} new, {1} changed, {2} deleted).</translation>
    </message>
    <message>
      <source>Phiếu chấm điểm của {0} không lưu được</source>
      <translation>The score sheet of {0} was not saved</translation>
    </message>
    <message>
      <source>Quyết định {0} ký ngày {1}, trước ngày Hội đồng bỏ phiếu ({2}).</source>
      <translation>Decision {0} was signed on {1}, before the council's vote ({2}).</translation>
    </message>
    <message>
      <source>Quyết định {0} ký năm {1}, trước năm đề nghị {2}.</source>
      <translation>Decision {0} was signed in {1}, before the nomination's year {2}.</translation>
    </message>
    <message>
      <source>Quyết định {0} ký năm {1}; hồ sơ năm {2} chỉ vào quyết định năm {3} hoặc {4}.</source>
      <translation>Decision {0} was signed in {1}; a nomination of {2} goes only into a decision of {3} or {4}.</translation>
    </message>
    <message>
      <source>Tài khoản «{0}» không được phép thay khóa ký giấy chứng nhận.</source>
      <translation>Account «{0}» may not replace the certificate signing key.</translation>
    </message>
    <message>
      <source>Tệp cơ sở dữ liệu nằm ở nơi chỉ cho phép đọc hoặc không có quyền ghi («{0}»): không mở được để làm việc. Hãy chép tệp sang thư mục có quyền ghi (tệp không bị hỏng; kiểm tra: thidua integrity).</source>
      <translation>The database file is in a read-only or unwritable place («{0}»): it cannot be opened for work. Copy it to a writable folder (the file is not damaged; check: thidua integrity).</translation>
    </message>
    <message>
      <source>Tệp {0} đã có; hãy chọn tên khác.</source>
      <translation>File {0} already exists; choose another name.</translation>
    </message>
    <message>
      <source>«{0}» có ký tự điều khiển không được phép ({1}); hãy xóa ký tự đó rồi nhập lại.</source>
      <translation>«{0}» has a control character that is not allowed ({1}); delete it and enter the text again.</translation>
    </message>
    <message>
      <source>«{0}» do {1} quyết định; quyết định {2} của {3}.</source>
      <translation>«{0}» is decided by {1}; decision {2} is of {3}.</translation>
    </message>
    <message>
      <source>Không nhận gói hồ sơ «{0}»: {1}</source>
      <translation>Package «{0}» not received: {1}</translation>
    </message>
    <message>
      <source>Tên tệp đính kèm «{0}» không hợp lệ.</source>
      <translation>Invalid attachment name «{0}».</translation>
    </message>
    <message>
      <source>chữ ký không khớp: gói đã bị sửa sau khi ký.</source>
      <translation>the signature does not match: the package was changed after it was signed.</translation>
    </message>
    <message>
      <source>có phần không được ký («{0}»).</source>
      <translation>it has a part that is not signed («{0}»).</translation>
    </message>
    <message>
      <source>có tệp mang tên không hợp lệ («{0}»), có thể là tệp độc hại.</source>
      <translation>it has a file with an invalid name («{0}»); it may be a malicious file.</translation>
    </message>
    <message>
      <source>gói gửi cho «{0}», không phải cơ quan này.</source>
      <translation>the package is addressed to «{0}», not to this office.</translation>
    </message>
    <message>
      <source>gói không có chữ ký của cơ quan gửi.</source>
      <translation>the package has no signature of the sending office.</translation>
    </message>
    <message>
      <source>gói được tạo bởi phiên bản Sổ Thi đua mới hơn (định dạng {0}); hãy cập nhật chương trình.</source>
      <translation>the package was made by a newer version of the application (format {0}); update the application.</translation>
    </message>
    <message>
      <source>khóa đã đăng ký cho «{0}», không phải «{1}».</source>
      <translation>the key is registered for «{0}», not for «{1}».</translation>
    </message>
    <message>
      <source>không phải gói hồ sơ Sổ Thi đua, hoặc tệp bị hỏng, chưa tải về đầy đủ.</source>
      <translation>not a dossier package, or the file is damaged or not fully downloaded.</translation>
    </message>
    <message>
      <source>ký bằng khóa chưa được đăng ký (dấu vân tay {0}, cơ quan gửi «{1}»); hãy đối chiếu dấu vân tay qua điện thoại rồi đăng ký khóa (thidua keys trust).</source>
      <translation>signed with a key that is not registered (fingerprint {0}, sending office «{1}»); compare the fingerprint by telephone, then register the key (thidua keys trust).</translation>
    </message>
    <message>
      <source>nội dung sau khi giải nén quá lớn, có thể là tệp độc hại.</source>
      <translation>the content is too large once unpacked; it may be a malicious file.</translation>
    </message>
    <message>
      <source>phần hồ sơ (records.json) không đọc được.</source>
      <translation>the records part (records.json) cannot be read.</translation>
    </message>
    <message>
      <source>phần mô tả gói (manifest) không đọc được.</source>
      <translation>the package's description (manifest) cannot be read.</translation>
    </message>
    <message>
      <source>phần «{0}» bị hỏng.</source>
      <translation>part «{0}» is damaged.</translation>
    </message>
    <message>
      <source>phần «{0}» khác với bản đã ký: gói đã bị sửa.</source>
      <translation>part «{0}» differs from what was signed: the package was changed.</translation>
    </message>
    <message>
      <source>phần «{0}» quá lớn.</source>
      <translation>part «{0}» is too large.</translation>
    </message>
    <message>
      <source>thiếu phần «{0}».</source>
      <translation>part «{0}» is missing.</translation>
    </message>
    <message>
      <source>tệp nén bất thường («{0}»), có thể là tệp độc hại.</source>
      <translation>unusual compression («{0}»); it may be a malicious file.</translation>
    </message>
    <message>
      <source>Cơ quan «{0}» đã có khóa khác được đăng ký; hãy thu hồi khóa đó trước (thidua keys revoke).</source>
      <translation>Office «{0}» already has another key registered; revoke that key first (thidua keys revoke).</translation>
    </message>
    <message>
      <source>Hãy ghi mã và tên cơ quan.</source>
      <translation>Enter the office's code and name.</translation>
    </message>
    <message>
      <source>Không có khóa đang dùng của cơ quan «{0}».</source>
      <translation>Office «{0}» has no key in use.</translation>
    </message>
    <message>
      <source>Sổ này chưa ghi mã cơ quan để trao đổi hồ sơ (thidua keys show --office MÃ --name TÊN).</source>
      <translation>This book has no office code for exchanging dossiers yet (thidua keys show --office CODE --name NAME).</translation>
    </message>
    <message>
      <source>Tệp «{0}» không phải thẻ khóa cơ quan (tạo bằng thidua keys export --public).</source>
      <translation>File «{0}» is not an office key card (made with thidua keys export --public).</translation>
    </message>
    <message>
      <source>Đây là thẻ khóa của chính cơ quan này.</source>
      <translation>This is this office's own key card.</translation>
    </message>
    <message>
      <source>Chọn khối thi đua hoặc đơn vị (một trong hai).</source>
      <translation>Choose an emulation bloc or a unit (one of the two).</translation>
    </message>
    <message>
      <source>Chọn đơn vị hoặc ghi nơi nhân rộng.</source>
      <translation>Choose a unit or type where it was replicated.</translation>
    </message>
    <message>
      <source>Hãy ghi nội dung đã nhân rộng.</source>
      <translation>Describe what was replicated.</translation>
    </message>
    <message>
      <source>Nội dung nhân rộng không thuộc gương điển hình này.</source>
      <translation>That replication does not belong to this exemplar.</translation>
    </message>
    <message>
      <source>Tài khoản «{0}» chỉ được lập tiêu chí, chấm điểm, khóa hoặc mở lại kỳ của khối mà đơn vị mình là khối trưởng hoặc khối phó năm {1}.</source>
      <translation>Account «{0}» may set criteria, enter scores, close or reopen periods only for blocs whose head or deputy unit is its own in {1}.</translation>
    </message>
    <message>
      <source>Nơi nhân rộng</source>
      <translation>Place of replication</translation>
    </message>
    <message>
      <source>gương điển hình</source>
      <translation>exemplar</translation>
    </message>
    <message>
      <source>nội dung nhân rộng</source>
      <translation>replication</translation>
    </message>
    <message>
      <source>không phải tệp Word .docx (thiếu word/document.xml).</source>
      <translation>not a Word .docx file (word/document.xml is missing).</translation>
    </message>
    <message>
      <source>không phải tệp Word .docx.</source>
      <translation>not a Word .docx file.</translation>
    </message>
    <message>
      <source>không tìm thấy bảng danh sách: cần một dòng tiêu đề có cột «Họ và tên» (hoặc «Số CCCD»).</source>
      <translation>no list table found: it needs a header row with a «Họ và tên» (full name) or «Số CCCD» column.</translation>
    </message>
    <message>
      <source>nội dung tệp .docx bị hỏng (XML lỗi: {0}).</source>
      <translation>the .docx content is damaged (XML error: {0}).</translation>
    </message>
    <message>
      <source>tệp .docx bị hỏng hoặc chưa tải về đầy đủ.</source>
      <translation>the .docx file is damaged or was not fully downloaded.</translation>
    </message>
    <message>
      <source>tệp không có bảng nào. Danh sách cần là một bảng (Chèn → Bảng) trong Word.</source>
      <translation>the file has no table. The list must be a table in Word (Insert → Table).</translation>
    </message>
    <message>
      <source>tệp được đặt mật khẩu. Hãy mở bằng Word, bỏ mật khẩu rồi lưu lại dạng .docx.</source>
      <translation>the file is password-protected. Open it in Word, remove the password and save it again as .docx.</translation>
    </message>
    <message>
      <source>«{0}»: không có cột «{1}».</source>
      <translation>«{0}»: there is no column «{1}».</translation>
    </message>
    <message>
      <source>«{0}»: viết «cột=trường», trường là một trong: {1}.</source>
      <translation>«{0}»: write «column=field», the field being one of: {1}.</translation>
    </message>
    <message>
      <source>đây là tệp Word 97–2003 (.doc). Hãy mở bằng Word hoặc LibreOffice và lưu lại dạng .docx.</source>
      <translation>this is a Word 97–2003 file (.doc). Open it in Word or LibreOffice and save it as .docx.</translation>
    </message>
    <message>
      <source>danh sách Word chỉ dùng để nhập đề nghị khen thưởng (chọn loại «Đề nghị khen thưởng»).</source>
      <translation>a Word list is only for importing nominations (choose «Nominations»).</translation>
    </message>
    <message>
      <source>Có hồ sơ đã chọn không còn trong sổ.</source>
      <translation>A chosen dossier is no longer in the book.</translation>
    </message>
    <message>
      <source>Gói loại «{0}» chưa nhận được ở đây; hãy cập nhật chương trình.</source>
      <translation>Packages of kind «{0}» cannot be received here yet; please update the program.</translation>
    </message>
    <message>
      <source>Phiếu chấm {0} của {1} chưa có điểm tự chấm nào.</source>
      <translation>The {0} score sheet of {1} has no self-score yet.</translation>
    </message>
    <message>
      <source>«{0}» không phải thành viên của khối {1} năm {2}.</source>
      <translation>«{0}» is not a member of bloc {1} in {2}.</translation>
    </message>
    <message>
      <source>Các hồ sơ đã chọn nhận từ nhiều cơ quan ({0}); mỗi gói trả lời chỉ gửi một cơ quan.</source>
      <translation>The selected dossiers came from several offices ({0}); a reply package goes to one office only.</translation>
    </message>
    <message>
      <source>Các hồ sơ đã chọn nhận từ «{0}», không phải «{1}».</source>
      <translation>The selected dossiers came from «{0}», not «{1}».</translation>
    </message>
    <message>
      <source>Gói trả lời không có phần «replies».</source>
      <translation>The reply package has no «replies» part.</translation>
    </message>
    <message>
      <source>Hồ sơ «{0}» do sổ này lập, không nhận từ cơ quan khác: hãy gửi bằng «thidua send».</source>
      <translation>The dossier of «{0}» was made in this book, not received from another office: send it with «thidua send».</translation>
    </message>
    <message>
      <source>Hồ sơ «{0}» do sổ này lập, không nhận từ cơ quan khác: không có nơi để trả lời.</source>
      <translation>The dossier of «{0}» was made in this book, not received from another office: there is nobody to reply to.</translation>
    </message>
    <message>
      <source>Hồ sơ «{0}» đang ở trạng thái «{1}»: chỉ trả lời hồ sơ đã trả lại, không khen thưởng hoặc đã có quyết định.</source>
      <translation>The dossier of «{0}» is «{1}»: only dossiers returned, not awarded or decided can be answered.</translation>
    </message>
    <message>
      <source>Không chuyển hồ sơ cho chính cơ quan này.</source>
      <translation>Dossiers cannot be forwarded to this office itself.</translation>
    </message>
    <message>
      <source>Không có hồ sơ mã {0} trong sổ.</source>
      <translation>There is no dossier with id {0} in the book.</translation>
    </message>
    <message>
      <source>hồ sơ đã gửi đi nay không còn trong sổ.</source>
      <translation>the dossier that was sent is no longer in the book.</translation>
    </message>
    <message>
      <source>hồ sơ ở đây đã có số sổ {0} số {1}.</source>
      <translation>the dossier here already has register book {0} number {1}.</translation>
    </message>
    <message>
      <source>hồ sơ ở đây đã khen thưởng theo quyết định khác ({0}).</source>
      <translation>the dossier here is already awarded by another decision ({0}).</translation>
    </message>
    <message>
      <source>số {0} của sổ {1} đã ghi cho hồ sơ khác (mã {2}).</source>
      <translation>number {0} of book {1} is already recorded for another dossier (id {2}).</translation>
    </message>
    <message>
      <source>sổ này có nhiều quyết định số {0} năm {1}.</source>
      <translation>this book has several decisions numbered {0} in {1}.</translation>
    </message>
    <message>
      <source>sổ này có quyết định số {0} ngày {1}, khác ngày {2} trong trả lời.</source>
      <translation>this book has decision {0} dated {1}, not {2} as the reply says.</translation>
    </message>
    <message>
      <source>trả lời không rõ (trạng thái «{0}»).</source>
      <translation>unknown answer (status «{0}»).</translation>
    </message>
    <message>
      <source>Sổ «{0}» ghi số do {1} cấp; không cấp số mới trong sổ này.</source>
      <translation>Book «{0}» records numbers given by {1}; no new numbers are given in it.</translation>
    </message>
    <message>
      <source>sổ vàng mã «{0}» của sổ này đã có; không ghi số của {1} vào đó.</source>
      <translation>this book has its own register book «{0}»; numbers of {1} are not recorded in it.</translation>
    </message>
    <message>
      <source>Chưa chọn tệp nào để đính kèm.</source>
      <translation>No file chosen to attach.</translation>
    </message>
    <message>
      <source>Hồ sơ «{0}» đã ở trạng thái «{1}»: tệp đính kèm được giữ lại, không xóa được.</source>
      <translation>The nomination of «{0}» is «{1}»: its attachments are kept and cannot be deleted.</translation>
    </message>
    <message>
      <source>Không tìm thấy phiếu chấm điểm (khối hoặc đơn vị không còn).</source>
      <translation>Score sheet not found (its bloc or unit no longer exists).</translation>
    </message>
    <message>
      <source>Không tìm thấy quyết định (mã {0}).</source>
      <translation>Decision not found (id {0}).</translation>
    </message>
    <message>
      <source>Không tìm thấy tệp đính kèm (mã {0}).</source>
      <translation>Attachment not found (id {0}).</translation>
    </message>
    <message>
      <source>Nội dung tệp «{0}» không còn đúng như khi đính kèm (dữ liệu đã bị sửa).</source>
      <translation>The content of «{0}» no longer matches what was attached (the data was altered).</translation>
    </message>
    <message>
      <source>Tên tệp «{0}» có ký tự điều khiển ({1}); hãy đổi tên tệp rồi thêm lại.</source>
      <translation>The file name «{0}» contains a control character ({1}); rename the file and add it again.</translation>
    </message>
    <message>
      <source>Tên tệp «{0}» không hợp lệ.</source>
      <translation>The file name «{0}» is not valid.</translation>
    </message>
    <message>
      <source>Tên tệp «{0}…» dài quá {1} ký tự; hãy đặt tên ngắn hơn.</source>
      <translation>The file name «{0}…» is longer than {1} characters; use a shorter name.</translation>
    </message>
    <message>
      <source>Tệp «{0}» không phải PDF, JPEG hay PNG: chỉ đính kèm được các loại tệp này.</source>
      <translation>«{0}» is not a PDF, JPEG or PNG file: only these can be attached.</translation>
    </message>
    <message>
      <source>Tệp «{0}» lớn {1} MB, quá giới hạn {2} MB cho một tệp đính kèm; hãy quét lại với độ phân giải thấp hơn.</source>
      <translation>«{0}» is {1} MB, over the {2} MB limit for one attachment; scan it again at a lower resolution.</translation>
    </message>
    <message>
      <source>Tệp «{0}» mang đuôi {1} nhưng nội dung không phải {2} (tệp hỏng?).</source>
      <translation>«{0}» is named {1} but its content is not {2} (a damaged file?).</translation>
    </message>
    <message>
      <source>Tệp «{0}» mang đuôi {1} nhưng nội dung là {2}; hãy đổi đuôi tệp cho đúng rồi thêm lại.</source>
      <translation>«{0}» is named {1} but its content is {2}; correct the file extension and add it again.</translation>
    </message>
    <message>
      <source>Tệp «{0}» rỗng (0 byte): không có gì để đính kèm.</source>
      <translation>«{0}» is empty (0 bytes): nothing to attach.</translation>
    </message>
    <message>
      <source>Tệp «{0}» đã được đính kèm vào {1} (cùng nội dung).</source>
      <translation>«{0}» is already attached to {1} (same content).</translation>
    </message>
    <message>
      <source>{0}gói thiếu tệp đính kèm «{1}».</source>
      <translation>{0}the package lacks the attachment «{1}».</translation>
    </message>
    <message>
      <source>{0}tệp đính kèm «{1}» khác với mã băm hồ sơ ghi.</source>
      <translation>{0}the attachment «{1}» does not match the hash its record gives.</translation>
    </message>
    <message>
      <source>(chuyển tiếp trong gói {0})</source>
      <translation>(forwarded in package {0})</translation>
    </message>
    <message>
      <source>Chữ ký gốc của {0} (gói {1}) không khớp: hồ sơ đã bị sửa sau khi ký.</source>
      <translation>The original signature of {0} (package {1}) does not match: the dossier was altered after signing.</translation>
    </message>
    <message>
      <source>Chữ ký gốc của {0}: hợp lệ (gói {1}).</source>
      <translation>Original signature of {0}: valid (package {1}).</translation>
    </message>
    <message>
      <source>Gói có phiếu chấm điểm không đọc được.</source>
      <translation>The package holds a score sheet that cannot be read.</translation>
    </message>
    <message>
      <source>Gói gốc {0} không có hồ sơ «{1}».</source>
      <translation>The original package {0} has no dossier «{1}».</translation>
    </message>
    <message>
      <source>Gói gốc {0}: khóa đã đăng ký cho «{1}», không phải «{2}».</source>
      <translation>Original package {0}: the key is registered for «{1}», not «{2}».</translation>
    </message>
    <message>
      <source>Gói gốc {0}: phần mô tả khác với mã gói, đã bị sửa.</source>
      <translation>Original package {0}: its manifest differs from the package code; it was altered.</translation>
    </message>
    <message>
      <source>Gói gốc {0}: thiếu trong gói chuyển tiếp.</source>
      <translation>Original package {0}: missing from the forwarded package.</translation>
    </message>
    <message>
      <source>Gói không có phiếu chấm điểm nào.</source>
      <translation>The package holds no score sheet.</translation>
    </message>
    <message>
      <source>Hồ sơ gốc của {0} (gói {1}) khác với bản đã ký: đã bị sửa.</source>
      <translation>The original dossier of {0} (package {1}) differs from the signed copy: it was altered.</translation>
    </message>
    <message>
      <source>Hồ sơ {0} ({1})</source>
      <translation>Dossier {0} ({1})</translation>
    </message>
    <message>
      <source>Khóa của {0} chưa đăng ký: chưa kiểm được chữ ký gốc (gói {1}).</source>
      <translation>The key of {0} is not registered: the original signature could not be checked (package {1}).</translation>
    </message>
    <message>
      <source>Không nhận gói: {0}</source>
      <translation>Package not received: {0}</translation>
    </message>
    <message>
      <source>Lưu ý: gói do {0} ({1}) gửi, phiếu của đơn vị {2}.</source>
      <translation>Note: the package was sent by {0} ({1}); the sheet is unit {2}'s.</translation>
    </message>
    <message>
      <source>Phiếu chấm của {0}</source>
      <translation>Score sheet of {0}</translation>
    </message>
    <message>
      <source>Phiếu chấm {0} của {1}</source>
      <translation>Score sheet for {0} of {1}</translation>
    </message>
    <message>
      <source>Quyết định {0}</source>
      <translation>Decision {0}</translation>
    </message>
    <message>
      <source>Theo trả lời của {0} (gói {1}): {2}.</source>
      <translation>As answered by {0} (package {1}): {2}.</translation>
    </message>
    <message>
      <source>Tiêu chí {0}: tự chấm {1} dưới ngưỡng tối thiểu {2}.</source>
      <translation>Criterion {0}: self-score {1} is below the minimum {2}.</translation>
    </message>
    <message>
      <source>cơ quan gửi đầu tiên</source>
      <translation>the first sending office</translation>
    </message>
    <message>
      <source>khen thưởng theo Quyết định số {0} ngày {1}</source>
      <translation>awarded by Decision No. {0} of {1}</translation>
    </message>
    <message>
      <source>khen thưởng theo Quyết định số {0} ngày {1}, mã xác thực {2}</source>
      <translation>awarded by Decision No. {0} of {1}, verification codes {2}</translation>
    </message>
    <message>
      <source>khen thưởng theo Quyết định số {0} ngày {1}, số sổ {2}</source>
      <translation>awarded by Decision No. {0} of {1}, register number {2}</translation>
    </message>
    <message>
      <source>khen thưởng theo Quyết định số {0} ngày {1}, số sổ {2}, mã xác thực {3}</source>
      <translation>awarded by Decision No. {0} of {1}, register number {2}, verification codes {3}</translation>
    </message>
    <message>
      <source>không khen thưởng</source>
      <translation>not awarded</translation>
    </message>
    <message>
      <source>trả lại</source>
      <translation>returned</translation>
    </message>
    <message>
      <source>{0} (số của {1})</source>
      <translation>{0} (numbers of {1})</translation>
    </message>
    <message>
      <source>{0} hồ sơ đã nhận trả lời này, không có gì thay đổi.</source>
      <translation>{0} dossiers already received this answer; nothing changed.</translation>
    </message>
    <message>
      <source>{0} — lý do: {1}</source>
      <translation>{0} — reason: {1}</translation>
    </message>
    <message>
      <source>{0} — lý do: {1} (đã ghi từ trước)</source>
      <translation>{0} — reason: {1} (recorded before)</translation>
    </message>
    <message>
      <source>{0}: bản mới của hồ sơ đã có nhưng hồ sơ ở đây đã ở trạng thái «{1}», không còn nhận bản bổ sung.</source>
      <translation>{0}: a newer version of a dossier already here, but the dossier here is «{1}» and takes no more revisions.</translation>
    </message>
    <message>
      <source>{0}: danh sách tiêu chí của phiếu không đọc được.</source>
      <translation>{0}: the sheet's list of criteria cannot be read.</translation>
    </message>
    <message>
      <source>{0}: hình thức «{1}» → «{2}»</source>
      <translation>{0}: award «{1}» → «{2}»</translation>
    </message>
    <message>
      <source>{0}: hồ sơ nhận trước đây đã bị xóa khỏi sổ này.</source>
      <translation>{0}: the dossier received before has been deleted from this book.</translation>
    </message>
    <message>
      <source>{0}: hồ sơ đã gửi đi nay không còn trong sổ này.</source>
      <translation>{0}: the dossier sent is no longer in this book.</translation>
    </message>
    <message>
      <source>{0}: không có danh hiệu, hình thức mã «{1}».</source>
      <translation>{0}: there is no title or award with code «{1}».</translation>
    </message>
    <message>
      <source>{0}: minh chứng «{1}» → «{2}»</source>
      <translation>{0}: evidence «{1}» → «{2}»</translation>
    </message>
    <message>
      <source>{0}: nội dung trả lời không đọc được (thiếu hoặc sai thông tin).</source>
      <translation>{0}: the answer cannot be read (missing or wrong details).</translation>
    </message>
    <message>
      <source>{0}: sổ này chưa gửi hồ sơ «{1}» cho {2} ({3}).</source>
      <translation>{0}: this book did not send dossier «{1}» to {2} ({3}).</translation>
    </message>
    <message>
      <source>{0}: sổ này không có khối thi đua mã «{1}».</source>
      <translation>{0}: this book has no emulation bloc with code «{1}».</translation>
    </message>
    <message>
      <source>{0}: sổ này không có đơn vị mã «{1}».</source>
      <translation>{0}: this book has no unit with code «{1}».</translation>
    </message>
    <message>
      <source>{0}: thiếu hoặc sai khối, năm, kỳ hay đơn vị của phiếu.</source>
      <translation>{0}: the sheet's bloc, year, period or unit is missing or wrong.</translation>
    </message>
    <message>
      <source>{0}: thêm sáng kiến «{1}» ({2})</source>
      <translation>{0}: initiative «{1}» ({2}) added</translation>
    </message>
    <message>
      <source>{0}: tóm tắt thành tích «{1}» → «{2}»</source>
      <translation>{0}: summary of achievements «{1}» → «{2}»</translation>
    </message>
    <message>
      <source>{0}: xếp loại năm {1} ở đây «{2}», theo hồ sơ gửi «{3}»: ghi theo hồ sơ gửi.</source>
      <translation>{0}: the {1} rating here is «{2}», the dossier sent says «{3}»: recorded as sent.</translation>
    </message>
    <message>
      <source>{0}: {1} tiêu chí, tự chấm {2} điểm</source>
      <translation>{0}: {1} criteria, self-score {2} points</translation>
    </message>
    <message>
      <source>{0}: đã bổ sung sau khi trả lại, trình lại Hội đồng.</source>
      <translation>{0}: revised after being returned; submitted to the council again.</translation>
    </message>
    <message>
      <source>{0}: đã nhận bản mới hơn (ngày {1}); gói này là bản cũ.</source>
      <translation>{0}: a newer version was received (dated {1}); this package is an older one.</translation>
    </message>
    <message>
      <source>{0}: đã nhận trước đây, không có gì thay đổi.</source>
      <translation>{0}: received before; nothing changed.</translation>
    </message>
    <message>
      <source>{0}: đơn vị {1} có {2} người «{3}» cùng năm sinh; hãy ghi số CCCD.</source>
      <translation>{0}: unit {1} has {2} people named «{3}» born the same year; give the ID card number.</translation>
    </message>
    <message>
      <source>{0}thêm tệp đính kèm «{1}»</source>
      <translation>{0}attachment «{1}» added</translation>
    </message>
    <message>
      <source>Đã chuyển tiếp {0} ({1}) trong gói {2} ngày {3}</source>
      <translation>Forwarded to {0} ({1}) in package {2} on {3}</translation>
    </message>
    <message>
      <source>Đã gửi {0} ({1}) trong gói {2} ngày {3}</source>
      <translation>Sent to {0} ({1}) in package {2} on {3}</translation>
    </message>
    <message>
      <source>Đã gửi {0} ngày {1} (gói {2})</source>
      <translation>Sent to {0} on {1} (package {2})</translation>
    </message>
    <message>
      <source>Hồ sơ {0}</source>
      <translation>Dossier {0}</translation>
    </message>
    <message>
      <source>Không có tiêu chí mã «{0}» trong bảng tiêu chí.</source>
      <translation>There is no criterion with code «{0}» in the criteria table.</translation>
    </message>
    <message>
      <source>Thiếu mã tiêu chí.</source>
      <translation>The criterion code is missing.</translation>
    </message>
    <message>
      <source>Tiêu chí {0}: dòng này đã được lưu khác đi sau khi phiếu được mở (có người khác đang chấm phiếu này); hãy đóng, mở lại phiếu rồi chấm lại.</source>
      <translation>Criterion {0}: this row was saved differently after the sheet was opened (someone else is scoring this sheet); close the sheet, open it again and score it again.</translation>
    </message>
    <message>
      <source>Tiêu chí {0}: {1} dài quá {2} ký tự.</source>
      <translation>Criterion {0}: {1} is longer than {2} characters.</translation>
    </message>
    <message>
      <source>Tiêu chí {0}: điểm tự chấm ({1}) khác điểm khối chấm ({2}); cần ghi nhận xét.</source>
      <translation>Criterion {0}: the self-score ({1}) differs from the bloc's score ({2}); a comment is needed.</translation>
    </message>
    <message>
      <source>Tiêu chí «{0}» bị lặp lại trong phiếu.</source>
      <translation>Criterion «{0}» appears twice in the sheet.</translation>
    </message>
    <message>
      <source>Phiếu chấm điểm không lưu được</source>
      <translation>The score sheet was not saved</translation>
    </message>
    <message>
      <source>Bảng không có dòng dữ liệu nào dưới dòng tiêu đề.</source>
      <translation>The table has no data row under its header row.</translation>
    </message>
    <message>
      <source>Cá nhân không có CCCD cần mã đơn vị để tìm đúng người.</source>
      <translation>A person without an ID card number needs a unit code to be found.</translation>
    </message>
    <message>
      <source>Giới tính «{0}» không hợp lệ (Nam hoặc Nữ).</source>
      <translation>Gender «{0}» is not valid (Nam or Nữ).</translation>
    </message>
    <message>
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <source>Mã đơn vị</source>
      <translation>Unit code</translation>
    </message>
    <message>
      <source>Mã đơn vị cấp trên</source>
      <translation>Parent unit code</translation>
    </message>
    <message>
      <source>Mỗi dòng ghi đúng một đối tượng: cá nhân (CCCD hoặc họ tên + mã đơn vị) hoặc mã tập thể.</source>
      <translation>Each row names exactly one nominee: a person (ID card number, or full name and unit code) or a collective's code.</translation>
    </message>
    <message>
      <source>Quyết định</source>
      <translation>Decision</translation>
    </message>
    <message>
      <source>Số CCCD</source>
      <translation>Citizen ID</translation>
    </message>
    <message>
      <source>Sổ vàng</source>
      <translation>Register book</translation>
    </message>
    <message>
      <source>chưa có quyết định.</source>
      <translation>no decision yet.</translation>
    </message>
    <message>
      <source>cây đơn vị bị lặp.</source>
      <translation>the unit tree loops.</translation>
    </message>
    <message>
      <source>không có {0} mã «{1}» trong sổ.</source>
      <translation>no {0} with code «{1}» in the book.</translation>
    </message>
    <message>
      <source>không có «{0}»{1}{2} trong sổ.</source>
      <translation>no «{0}»{1}{2} in the book.</translation>
    </message>
    <message>
      <source>không có đơn vị mã «{0}» trong sổ.</source>
      <translation>no unit with code «{0}» in the book.</translation>
    </message>
    <message>
      <source>không có đơn vị mã «{0}».</source>
      <translation>no unit with code «{0}».</translation>
    </message>
    <message>
      <source>không có đơn vị «{0}» trong sổ.</source>
      <translation>no unit «{0}» in the book.</translation>
    </message>
    <message>
      <source>không gộp được với mã {0}: số CCCD khác ({1}).</source>
      <translation>cannot be merged with code {0}: a different ID card number ({1}).</translation>
    </message>
    <message>
      <source>số CCCD {0} trùng với dòng {1}.</source>
      <translation>ID card number {0} repeats row {1}.</translation>
    </message>
    <message>
      <source>số {0} đang là kiểu Số nên Excel đã bỏ các số 0 ở đầu; hãy định dạng cột là Văn bản (Text) và nhập lại đủ 12 chữ số.</source>
      <translation>{0} is a Number cell, so Excel dropped its leading zeros; format the column as Text and type all 12 digits again.</translation>
    </message>
    <message>
      <source>thiếu danh hiệu, hình thức khen thưởng.</source>
      <translation>the title or award is missing.</translation>
    </message>
    <message>
      <source>thiếu họ và tên.</source>
      <translation>the full name is missing.</translation>
    </message>
    <message>
      <source>thiếu tên tập thể.</source>
      <translation>the collective's name is missing.</translation>
    </message>
    <message>
      <source>trùng mã với dòng {0}.</source>
      <translation>same code as row {0}.</translation>
    </message>
    <message>
      <source>trùng với dòng {0} (cùng đối tượng, danh hiệu, năm).</source>
      <translation>repeats row {0} (same nominee, award and year).</translation>
    </message>
    <message>
      <source>{0} cấp số {1}; giấy do cơ quan đó in.</source>
      <translation>{0} numbered it {1}; that office prints the certificate.</translation>
    </message>
    <message>
      <source>«{0}» không phải cá nhân, tập thể hay hộ gia đình.</source>
      <translation>«{0}» is not a person, a collective or a household.</translation>
    </message>
    <message>
      <source>«{0}» không phải họ tên (bắt đầu bằng {1}).</source>
      <translation>«{0}» is not a full name (it starts with {1}).</translation>
    </message>
    <message>
      <source>«{0}» không phải ngày (dd/mm/yyyy).</source>
      <translation>«{0}» is not a date (dd/mm/yyyy).</translation>
    </message>
    <message>
      <source>«{0}» không phải số nguyên.</source>
      <translation>«{0}» is not a whole number.</translation>
    </message>
    <message>
      <source>«{0}» trùng họ tên, đơn vị và ngày/năm sinh với dòng {1}.</source>
      <translation>«{0}» has the same name, unit and date or year of birth as row {1}.</translation>
    </message>
    <message>
      <source>«{0}» ứng với {1} đơn vị: {2}. Hãy ghi mã đơn vị.</source>
      <translation>«{0}» matches {1} units: {2}. Give the unit code.</translation>
    </message>
    <message>
      <source>«{0}»{1} ứng với {2} người trong sổ: {3}. Hãy ghi số CCCD.</source>
      <translation>«{0}»{1} matches {2} people in the book: {3}. Give the ID card number.</translation>
    </message>
    <message>
      <source>ô báo lỗi {0}.</source>
      <translation>the cell shows the error {0}.</translation>
    </message>
    <message>
      <source>ô chứa công thức «={0}»; hãy thay bằng giá trị (Sao chép → Dán đặc biệt → Giá trị).</source>
      <translation>the cell holds the formula «={0}»; replace it with its value (Copy → Paste Special → Values).</translation>
    </message>
    <message>
      <source>ô có ký tự điều khiển không được phép ({0}); hãy xóa ký tự đó.</source>
      <translation>the cell holds a control character that is not allowed ({0}); delete it.</translation>
    </message>
    <message>
      <source>ô dài {0} ký tự, vượt giới hạn 32.767 ký tự.</source>
      <translation>the cell is {0} characters long, over the limit of 32,767.</translation>
    </message>
    <message>
      <source>đơn vị không thể trực thuộc chính nó.</source>
      <translation>a unit cannot be under itself.</translation>
    </message>
    <message>
      <source>Bảng không có cột họ và tên (hoặc số CCCD): không biết đề nghị cho ai.</source>
      <translation>The table has no full name column (nor ID card numbers): whom the nominations are for is not known.</translation>
    </message>
    <message>
      <source>Danh sách không có cột năm: hãy cho biết năm đề nghị (ô «Năm đề nghị», hoặc --year NĂM).</source>
      <translation>The list has no year column: give the nomination year (the «Nomination year» box, or --year YEAR).</translation>
    </message>
    <message>
      <source>Cách hiểu các cột chưa được xác nhận: hãy xem lại (chạy thử) rồi xác nhận (--mapping confirm).</source>
      <translation>How the columns are read is not confirmed yet: check it (dry run), then confirm it (--mapping confirm).</translation>
    </message>
  </context>
  <context>
    <name>AuditCheckDialog</name>
    <message>
      <source>Kiểm tra nhật ký và dữ liệu</source>
      <translation>Check the log and the data</translation>
    </message>
    <message>
      <source>Mã nhật ký in ở chân văn bản (không bắt buộc), ví dụ 10214-XDCTG6A3P4</source>
      <translation>Log code printed in a document's footer (optional), e.g. 10214-XDCTG6A3P4</translation>
    </message>
    <message>
      <source>Kiểm tra</source>
      <translation>Check</translation>
    </message>
    <message>
      <source>Đang kiểm tra…</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <source>Đang kiểm tra nhật ký…</source>
      <translation>Checking the log…</translation>
    </message>
    <message>
      <source>Đối chiếu chuỗi băm của nhật ký, đỉnh ghi nhận ngoài tệp và từng dòng dữ liệu với nhật ký.</source>
      <translation>Compares the log's hash chain, the head recorded outside the file, and every row of data with the log.</translation>
    </message>
    <message>
      <source>Nhật ký nguyên vẹn ({0} mục) và khớp với dữ liệu ({1} dòng).</source>
      <translation>The log is whole ({0} entries) and matches the data ({1} rows).</translation>
    </message>
    <message>
      <source>Mã nhật ký hiện tại: {0}</source>
      <translation>Current log code: {0}</translation>
    </message>
    <message>
      <source>… và {0} chênh lệch khác.</source>
      <translation>… and {0} more differences.</translation>
    </message>
  </context>
  <context>
    <name>BlocReviewDialog</name>
    <message>
      <source>Kết quả nổi bật, ưu điểm</source>
      <translation>Main results, strengths</translation>
    </message>
    <message>
      <source>Hạn chế, tồn tại</source>
      <translation>Limitations, shortcomings</translation>
    </message>
    <message>
      <source>Nhiệm vụ kỳ tới</source>
      <translation>Tasks for the next period</translation>
    </message>
    <message>
      <source>Số đơn vị đồng ý kết quả xếp hạng</source>
      <translation>Units agreeing with the standings</translation>
    </message>
    <message>
      <source>Số đơn vị đồng ý đề nghị khen thưởng</source>
      <translation>Units agreeing with the award proposals</translation>
    </message>
    <message>
      <source>— chưa ghi</source>
      <translation>— not recorded</translation>
    </message>
    <message>
      <source>Có mặt</source>
      <translation>Present</translation>
    </message>
    <message>
      <source>Vắng mặt</source>
      <translation>Absent</translation>
    </message>
    <message>
      <source>Người dự họp, chức vụ</source>
      <translation>Attendee and position</translation>
    </message>
    <message>
      <source>Nội dung nhận xét của khối</source>
      <translation>Bloc review texts</translation>
    </message>
    <message>
      <source>Ghi chú về biểu quyết</source>
      <translation>Notes on the vote</translation>
    </message>
    <message>
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Chỉ xem: nội dung này do thư ký khối (đơn vị khối trưởng, khối phó của năm) ghi.</source>
      <translation>Read only: these texts are written by the bloc's secretariat (the head and deputy units of the year).</translation>
    </message>
  </context>
  <context>
    <name>CriteriaEditor</name>
    <message>
      <source>Mã</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Nhóm</source>
      <translation>Group</translation>
    </message>
    <message>
      <source>Nội dung tiêu chí</source>
      <translation>Criterion</translation>
    </message>
    <message>
      <source>Loại</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Điểm tối đa</source>
      <translation>Maximum points</translation>
    </message>
    <message>
      <source>Ngưỡng (0–1)</source>
      <translation>Floor (0–1)</translation>
    </message>
    <message>
      <source>Tiêu chí</source>
      <translation>Criterion</translation>
    </message>
    <message>
      <source>Điểm thưởng</source>
      <translation>Bonus points</translation>
    </message>
    <message>
      <source>Điểm trừ</source>
      <translation>Penalty points</translation>
    </message>
    <message>
      <source>cả năm {0}</source>
      <translation>the year {0}</translation>
    </message>
    <message>
      <source>Bảng tiêu chí chấm điểm</source>
      <translation>Scoring criteria table</translation>
    </message>
    <message>
      <source>&amp;Lưu bảng</source>
      <translation>&amp;Save table</translation>
    </message>
    <message>
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Đang lưu…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <source>Đang lưu bảng tiêu chí…</source>
      <translation>Saving the criteria table…</translation>
    </message>
    <message>
      <source>Đang sao chép bảng tiêu chí…</source>
      <translation>Copying the criteria table…</translation>
    </message>
    <message>
      <source>Xuất bảng tiêu chí</source>
      <translation>Export the criteria table</translation>
    </message>
    <message>
      <source>Nhập bảng tiêu chí</source>
      <translation>Import a criteria table</translation>
    </message>
    <message>
      <source>Đang nhập bảng tiêu chí…</source>
      <translation>Importing the criteria table…</translation>
    </message>
    <message>
      <source>6 tháng đầu năm {0}</source>
      <translation>the first half of {0}</translation>
    </message>
    <message>
      <source>Khối {0}, {1}: {2} dòng</source>
      <translation>Bloc {0}, {1}: {2} rows</translation>
    </message>
    <message>
      <source>kỳ đã khóa: chỉ xem</source>
      <translation>period closed: read only</translation>
    </message>
    <message>
      <source>Thêm dòng</source>
      <translation>Add row</translation>
    </message>
    <message>
      <source>Xóa dòng</source>
      <translation>Delete row</translation>
    </message>
    <message>
      <source>Lên</source>
      <translation>Up</translation>
    </message>
    <message>
      <source>Xuống</source>
      <translation>Down</translation>
    </message>
    <message>
      <source>Sao chép từ năm trước</source>
      <translation>Copy from last year</translation>
    </message>
    <message>
      <source>Sao chép từ bảng cả năm</source>
      <translation>Copy from the year's table</translation>
    </message>
    <message>
      <source>Xuất xlsx…</source>
      <translation>Export xlsx…</translation>
    </message>
    <message>
      <source>Nhập xlsx…</source>
      <translation>Import xlsx…</translation>
    </message>
    <message>
      <source>đã có điểm chấm: dòng đã chấm không xóa được</source>
      <translation>scores entered: a scored row cannot be deleted</translation>
    </message>
    <message>
      <source>Đã xuất {0}.</source>
      <translation>Exported {0}.</translation>
    </message>
    <message>
      <source>Dòng {0}: điểm tối đa phải là số lớn hơn 0.</source>
      <translation>Row {0}: the maximum points must be a number above 0.</translation>
    </message>
    <message>
      <source>Đã lưu bảng tiêu chí ({0} dòng).</source>
      <translation>Criteria table saved ({0} rows).</translation>
    </message>
    <message>
      <source>Đã sao chép {0} dòng từ bảng {1}.</source>
      <translation>Copied {0} rows from the table of {1}.</translation>
    </message>
    <message>
      <source>Dòng {0}: ngưỡng phải là số từ 0 đến 1.</source>
      <translation>Row {0}: the floor must be a number from 0 to 1.</translation>
    </message>
  </context>
  <context>
    <name>ReopenDialog</name>
    <message>
      <source>Mở lại kỳ chấm điểm</source>
      <translation>Reopen the scoring period</translation>
    </message>
    <message>
      <source>Lý do mở lại</source>
      <translation>Reason for reopening</translation>
    </message>
  </context>
  <context>
    <name>UnitChooser</name>
    <message>
      <source>Chọn đơn vị</source>
      <translation>Choose a unit</translation>
    </message>
    <message>
      <source>Nhập điểm</source>
      <translation>Enter scores</translation>
    </message>
    <message>
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Đơn vị thành viên:</source>
      <translation>Member unit:</translation>
    </message>
  </context>
  <context>
    <name>OfficeChooser</name>
    <message>
      <source>Gửi phiếu chấm</source>
      <translation>Send score sheet</translation>
    </message>
    <message>
      <source>Chọn tệp…</source>
      <translation>Choose file…</translation>
    </message>
    <message>
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Cơ quan nhận (khối trưởng):</source>
      <translation>Receiving office (bloc head):</translation>
    </message>
  </context>
  <context>
    <name>ScoreSheet</name>
    <message>
      <source>Mã</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Nhóm/Tiêu chí</source>
      <translation>Group/Criterion</translation>
    </message>
    <message>
      <source>Tối đa</source>
      <translation>Maximum</translation>
    </message>
    <message>
      <source>Tự chấm</source>
      <translation>Self-score</translation>
    </message>
    <message>
      <source>Khối chấm</source>
      <translation>Bloc's score</translation>
    </message>
    <message>
      <source>Ghi chú</source>
      <translation>Comment</translation>
    </message>
    <message>
      <source>Minh chứng</source>
      <translation>Evidence</translation>
    </message>
    <message>
      <source>Tự chấm khác khối chấm: cần ghi chú.</source>
      <translation>The self-score differs from the bloc's score: a comment is required.</translation>
    </message>
    <message>
      <source>Điểm không được âm.</source>
      <translation>A score cannot be negative.</translation>
    </message>
    <message>
      <source>Điểm thưởng</source>
      <translation>Bonus</translation>
    </message>
    <message>
      <source>Điểm trừ</source>
      <translation>Penalty</translation>
    </message>
    <message>
      <source>Không phải số: «{0}».</source>
      <translation>Not a number: «{0}».</translation>
    </message>
    <message>
      <source>Vượt điểm tối đa ({0}).</source>
      <translation>Above the maximum ({0}).</translation>
    </message>
    <message>
      <source>Dưới ngưỡng tối thiểu ({0} điểm).</source>
      <translation>Below the floor ({0} points).</translation>
    </message>
    <message>
      <source>6 tháng đầu năm</source>
      <translation>first half-year</translation>
    </message>
    <message>
      <source>Cả năm</source>
      <translation>whole year</translation>
    </message>
    <message>
      <source>Phiếu chấm điểm</source>
      <translation>Score sheet</translation>
    </message>
    <message>
      <source>&amp;Lưu phiếu</source>
      <translation>&amp;Save sheet</translation>
    </message>
    <message>
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Đang lưu…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <source>Đang lưu phiếu chấm…</source>
      <translation>Saving the score sheet…</translation>
    </message>
    <message>
      <source>{0} — {1}, khối {2}, {3} {4}</source>
      <translation>{0} — {1}, bloc {2}, {3} {4}</translation>
    </message>
    <message>
      <source>kỳ đã khóa: chỉ xem</source>
      <translation>period closed: read only</translation>
    </message>
    <message>
      <source>Tổng tự chấm: {0} — Tổng khối chấm: {1}</source>
      <translation>Self-score total: {0} — Bloc's total: {1}</translation>
    </message>
    <message>
      <source>chưa chấm: {0}</source>
      <translation>not scored: {0}</translation>
    </message>
    <message>
      <source>Điểm phải là số (tiêu chí {0}); chưa lưu gì.</source>
      <translation>Scores must be numbers (criteria {0}); nothing was saved.</translation>
    </message>
    <message>
      <source>Đã lưu phiếu chấm ({0} dòng).</source>
      <translation>Score sheet saved ({0} rows).</translation>
    </message>
    <message>
      <source>&amp;Gửi phiếu chấm…</source>
      <translation>Se&amp;nd score sheet…</translation>
    </message>
    <message>
      <source>Sổ này chưa đăng ký khóa của cơ quan nào; hãy đăng ký thẻ khóa của khối trưởng trước (thidua keys trust).</source>
      <translation>This book has not registered any office's key; register the bloc head's key card first (thidua keys trust).</translation>
    </message>
    <message>
      <source>Lưu gói phiếu chấm</source>
      <translation>Save the score sheet package</translation>
    </message>
    <message>
      <source>Gói hồ sơ Sổ Thi đua (*.tdkt)</source>
      <translation>Sổ Thi đua packages (*.tdkt)</translation>
    </message>
    <message>
      <source>Đã gửi phiếu chấm cho {0} vào tệp {1} (mã gói {2}).</source>
      <translation>Score sheet sent to {0} in file {1} (package {2}).</translation>
    </message>
    <message>
      <source>Đang gửi phiếu chấm…</source>
      <translation>Sending the score sheet…</translation>
    </message>
    <message>
      <source>{0} ({1} lỗi):</source>
      <translation>{0} (problems: {1}):</translation>
    </message>
  </context>
  <context>
    <name>ImportMapping</name>
    <message>
      <source>(bỏ qua)</source>
      <translation>(ignored)</translation>
    </message>
    <message>
      <source>Số thứ tự</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>Họ và tên / tên tập thể</source>
      <translation>Full name / collective's name</translation>
    </message>
    <message>
      <source>Tên gọi (Ông/Bà)</source>
      <translation>Title (Mr/Ms)</translation>
    </message>
    <message>
      <source>Năm sinh / ngày sinh</source>
      <translation>Birth year / date</translation>
    </message>
    <message>
      <source>Năm sinh (Nam)</source>
      <translation>Birth year (male)</translation>
    </message>
    <message>
      <source>Năm sinh (Nữ)</source>
      <translation>Birth year (female)</translation>
    </message>
    <message>
      <source>Giới tính</source>
      <translation>Gender</translation>
    </message>
    <message>
      <source>Chức vụ</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>Đơn vị</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>Chức vụ, đơn vị</source>
      <translation>Position and unit</translation>
    </message>
    <message>
      <source>Danh hiệu, hình thức</source>
      <translation>Title or form of award</translation>
    </message>
    <message>
      <source>Phân loại (cá nhân, tập thể, hộ gia đình)</source>
      <translation>Kind (individual, collective, household)</translation>
    </message>
    <message>
      <source>Số CCCD</source>
      <translation>Citizen ID (CCCD)</translation>
    </message>
    <message>
      <source>Năm đề nghị</source>
      <translation>Nomination year</translation>
    </message>
    <message>
      <source>Tóm tắt thành tích</source>
      <translation>Achievement summary</translation>
    </message>
  </context>
  <context>
    <name>OfficesDialog</name>
    <message>
      <source>Thẻ khóa của {0} ({1}).

Dấu vân tay: {2}

Đã gọi điện cho cơ quan này và đọc đối chiếu đúng dấu vân tay chưa? Chỉ đăng ký khi khớp.</source>
      <translation>Key card of {0} ({1}).

Fingerprint: {2}

Have you telephoned this office and compared the fingerprint read aloud? Register only if it matches.</translation>
    </message>
    <message>
      <source>Cơ quan và khóa trao đổi hồ sơ</source>
      <translation>Offices and keys for exchanging dossiers</translation>
    </message>
    <message>
      <source>Lưu</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>Xuất thẻ khóa…</source>
      <translation>Export key card…</translation>
    </message>
    <message>
      <source>Đăng ký thẻ khóa…</source>
      <translation>Register a key card…</translation>
    </message>
    <message>
      <source>Thu hồi khóa</source>
      <translation>Revoke key</translation>
    </message>
    <message>
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Lưu cơ quan</source>
      <translation>Save office</translation>
    </message>
    <message>
      <source>Lưu thẻ khóa</source>
      <translation>Save key card</translation>
    </message>
    <message>
      <source>Thẻ khóa của cơ quan gửi</source>
      <translation>Key card of the sending office</translation>
    </message>
    <message>
      <source>Đăng ký khóa</source>
      <translation>Register key</translation>
    </message>
    <message>
      <source>Xác nhận</source>
      <translation>Confirm</translation>
    </message>
    <message>
      <source>Mã cơ quan này</source>
      <translation>This office's code</translation>
    </message>
    <message>
      <source>Tên cơ quan</source>
      <translation>Office name</translation>
    </message>
    <message>
      <source>Dấu vân tay khóa</source>
      <translation>Key fingerprint</translation>
    </message>
    <message>
      <source>Mã</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Cơ quan</source>
      <translation>Office</translation>
    </message>
    <message>
      <source>Dấu vân tay</source>
      <translation>Fingerprint</translation>
    </message>
    <message>
      <source>Đăng ký ngày</source>
      <translation>Registered on</translation>
    </message>
    <message>
      <source>Thu hồi ngày</source>
      <translation>Revoked on</translation>
    </message>
    <message>
      <source>Cơ quan gửi được nhận gói (đã đối chiếu dấu vân tay):</source>
      <translation>Offices whose packages are accepted (fingerprints compared):</translation>
    </message>
    <message>
      <source>Chưa chọn cơ quan nào.</source>
      <translation>No office selected.</translation>
    </message>
    <message>
      <source>Đã lưu thẻ khóa vào {0}. Dấu vân tay: {1}</source>
      <translation>Key card saved to {0}. Fingerprint: {1}</translation>
    </message>
    <message>
      <source>Thu hồi khóa của {0}? Gói ký bằng khóa này sẽ không được nhận nữa.</source>
      <translation>Revoke the key of {0}? Packages signed with it will no longer be accepted.</translation>
    </message>
  </context>
  <context>
    <name>ReceiveDialog</name>
    <message>
      <source>Nhận gói hồ sơ</source>
      <translation>Receive a package</translation>
    </message>
    <message>
      <source>Gói của {0} ({1}), mã gói {2}.</source>
      <translation>Package from {0} ({1}), package code {2}.</translation>
    </message>
    <message>
      <source>Xem trước</source>
      <translation>Preview</translation>
    </message>
    <message>
      <source>Nhận vào sổ</source>
      <translation>Take into the book</translation>
    </message>
    <message>
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Đang kiểm gói…</source>
      <translation>Checking the package…</translation>
    </message>
    <message>
      <source>Chữ ký, cơ quan nhận và từng phần của gói được kiểm trước; sổ chỉ thay đổi khi bấm «Nhận vào sổ».</source>
      <translation>The signature, the recipient and every part of the package are checked first; the book changes only when you press «Take into the book».</translation>
    </message>
    <message>
      <source>Hãy chọn tệp gói hồ sơ (.tdkt).</source>
      <translation>Choose a package file (.tdkt).</translation>
    </message>
    <message>
      <source>Gói hợp lệ. Chưa ghi gì: bấm «Nhận vào sổ» để nhận.</source>
      <translation>The package is valid. Nothing written yet: press «Take into the book» to receive it.</translation>
    </message>
    <message>
      <source>Đã nhận gói vào sổ.</source>
      <translation>The package was taken into the book.</translation>
    </message>
    <message>
      <source>{0} hồ sơ mới, {1} hồ sơ cập nhật, {2} hồ sơ đã có.</source>
      <translation>{0} new dossiers, {1} updated, {2} already here.</translation>
    </message>
    <message>
      <source>Cá nhân mới: {0}</source>
      <translation>New person: {0}</translation>
    </message>
    <message>
      <source>Đã có trong sổ: {0}</source>
      <translation>Already in the book: {0}</translation>
    </message>
  </context>
  <context>
    <name>SendDialog</name>
    <message>
      <source>Gói hồ sơ Sổ Thi đua (*.tdkt)</source>
      <translation>Sổ Thi đua dossier packages (*.tdkt)</translation>
    </message>
    <message>
      <source>Gửi hồ sơ đề nghị</source>
      <translation>Send nominations</translation>
    </message>
    <message>
      <source>Chọn…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>Tệp gói hồ sơ</source>
      <translation>Package file</translation>
    </message>
    <message>
      <source>Gửi đến</source>
      <translation>Send to</translation>
    </message>
    <message>
      <source>Lưu gói vào tệp</source>
      <translation>Save the package as</translation>
    </message>
    <message>
      <source>Chưa có cơ quan nhận: hãy đăng ký thẻ khóa của cơ quan đó (Trao đổi → Cơ quan và khóa).</source>
      <translation>No receiving office yet: register its key card (Exchange → Offices and keys).</translation>
    </message>
    <message>
      <source>Hãy chọn tệp để lưu gói.</source>
      <translation>Choose the file to save the package in.</translation>
    </message>
    <message>
      <source>Gửi {0} hồ sơ đề nghị</source>
      <translation>Send {0} nominations</translation>
    </message>
    <message>
      <source>Chuyển tiếp {0} hồ sơ lên cấp trên</source>
      <translation>Forward {0} dossiers one level up</translation>
    </message>
    <message>
      <source>Trả lời {0} hồ sơ cho cơ quan đã gửi</source>
      <translation>Answer {0} dossiers to the office that sent them</translation>
    </message>
  </context>
  <context>
    <name>Attachments</name>
    <message>
      <source>Tệp đính kèm (bản quét có chữ ký)</source>
      <translation>Attachments (signed scans)</translation>
    </message>
    <message>
      <source>Thêm…</source>
      <translation>Add…</translation>
    </message>
    <message>
      <source>Mở</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Xóa</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>{0} — {1}, {2}</source>
      <translation>{0} — {1}, {2}</translation>
    </message>
    <message>
      <source>SHA-256: {0}
Thêm bởi {1}</source>
      <translation>SHA-256: {0}
Added by {1}</translation>
    </message>
    <message>
      <source>Chọn tệp đính kèm</source>
      <translation>Choose files to attach</translation>
    </message>
    <message>
      <source>Bản quét PDF, JPEG, PNG (*.pdf *.jpg *.jpeg *.png)</source>
      <translation>Scans: PDF, JPEG, PNG (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
      <source>Đính kèm tệp</source>
      <translation>Attaching files</translation>
    </message>
    <message>
      <source>Xóa tệp đính kèm</source>
      <translation>Delete attachment</translation>
    </message>
    <message>
      <source>Xóa tệp «{0}»?</source>
      <translation>Delete «{0}»?</translation>
    </message>
    <message>
      <source>PDF</source>
      <translation>PDF</translation>
    </message>
    <message>
      <source>ảnh JPEG</source>
      <translation>JPEG image</translation>
    </message>
    <message>
      <source>ảnh PNG</source>
      <translation>PNG image</translation>
    </message>
  </context>
  <context>
    <name>ImportColumns</name>
    <message>
      <source>CCCD</source>
      <translation>Citizen ID</translation>
    </message>
    <message>
      <source>Chức vụ</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>Cấp</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>Cấp trên</source>
      <translation>Parent</translation>
    </message>
    <message>
      <source>Cấp đơn vị</source>
      <translation>Unit level</translation>
    </message>
    <message>
      <source>Danh hiệu</source>
      <translation>Title or award</translation>
    </message>
    <message>
      <source>Dòng</source>
      <translation>Row</translation>
    </message>
    <message>
      <source>Giới tính</source>
      <translation>Gender</translation>
    </message>
    <message>
      <source>Họ</source>
      <translation>Family name</translation>
    </message>
    <message>
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <source>Mã</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Mã danh hiệu</source>
      <translation>Award code</translation>
    </message>
    <message>
      <source>Mã tập thể</source>
      <translation>Collective's code</translation>
    </message>
    <message>
      <source>Mã đơn vị</source>
      <translation>Unit code</translation>
    </message>
    <message>
      <source>Mã đơn vị cấp trên</source>
      <translation>Parent unit code</translation>
    </message>
    <message>
      <source>Mã đơn vị đề nghị</source>
      <translation>Proposing unit code</translation>
    </message>
    <message>
      <source>Ngày bắt đầu công tác</source>
      <translation>Start of posting</translation>
    </message>
    <message>
      <source>Ngày sinh</source>
      <translation>Date of birth</translation>
    </message>
    <message>
      <source>Năm</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>Năm sinh</source>
      <translation>Year of birth</translation>
    </message>
    <message>
      <source>Số CCCD</source>
      <translation>Citizen ID</translation>
    </message>
    <message>
      <source>Tên</source>
      <translation>Given name</translation>
    </message>
    <message>
      <source>Tên viết tắt</source>
      <translation>Short name</translation>
    </message>
    <message>
      <source>Tên đơn vị</source>
      <translation>Unit name</translation>
    </message>
    <message>
      <source>Tên đệm</source>
      <translation>Middle name</translation>
    </message>
    <message>
      <source>Tóm tắt thành tích</source>
      <translation>Summary of achievements</translation>
    </message>
    <message>
      <source>Đơn vị</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>Đối tượng</source>
      <translation>Nominee</translation>
    </message>
  </context>
</TS>