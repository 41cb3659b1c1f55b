-- Personal data: the consent text each person agreed to, and what the retention command
-- needs to anonymize the participants of contests finalized long ago.

-- each distinct consent text once: a participant's row names the very text they agreed
-- to, whatever the contest's text becomes later
create table consent_text (
    id         bigint generated always as identity primary key,
    -- SHA-256 (hex) of the body as UTF-8: the text's version, as the contest data give it
    sha256     char(64)    not null unique,
    body       text        not null check (length(body) between 1 and 10000),
    created_at timestamptz not null default now()
);

-- the default text (civiquiz.contest.default-consent-text with civiquiz.retention.days at
-- its default, 180) for the contests that exist already; ConsentIntegrationTests keeps the
-- two equal
insert into consent_text (sha256, body)
select encode(sha256(convert_to(body, 'UTF8')), 'hex'), body from (values (
'Ban tổ chức cuộc thi thu thập họ và tên, số điện thoại, đơn vị, quận/huyện và năm sinh của bạn (cùng email và số CCCD nếu bạn cung cấp) để quản lý lượt thi, chấm điểm và xếp hạng, xét và trao giải, liên hệ với người đoạt giải và thống kê kết quả cuộc thi.

Bảng xếp hạng công khai chỉ hiện họ và chữ cái đầu của tên đệm và tên, cùng đơn vị và quận/huyện; số điện thoại và email không bao giờ được công khai, và chỉ Hội đồng xét giải được xem để liên hệ trao giải. Số CCCD, địa chỉ IP và mã ngẫu nhiên của trình duyệt chỉ được lưu dưới dạng mã băm, không thể khôi phục. Thông tin không được chia sẻ cho bên thứ ba.

Thông tin được lưu đến hết 180 ngày sau khi danh sách đoạt giải chung cuộc được chốt; sau đó họ tên, số điện thoại, email, năm sinh, mã băm CCCD và địa chỉ IP bị xóa, chỉ giữ đơn vị, quận/huyện và kết quả bài thi để thống kê.'
)) as t (body);

alter table contest add column consent_text_id bigint references consent_text (id);
update contest set consent_text_id = (select min(id) from consent_text);
alter table contest alter column consent_text_id set not null;

-- the text a participant agreed to at consent_at; a returning person's latest consent
-- replaces the earlier one. Null for people registered before texts were recorded.
alter table participant add column consent_text_id bigint references consent_text (id);

-- retention: name replaced, phone replaced by 'anon:<id>' (unique per contest like a
-- phone, never a phone), email, national ID hash and birth year cleared; unit and
-- district stay for the statistics
alter table participant add column anonymized_at timestamptz;
alter table participant alter column phone type varchar(32);
alter table participant alter column birth_year drop not null;
alter table participant add constraint participant_birth_year_until_anonymized
    check (birth_year is not null or anonymized_at is not null);

-- the cheating signals (V7) keep a device hash and the name typed at each start; retention
-- clears them. Added here too when missing, so that this migration stands on its own.
alter table attempt add column if not exists device_hash bytea;
alter table attempt add column if not exists entered_name text;

-- retention redacts a frozen list's personal data: the canonical CSV is dropped, the JSON
-- document keeps everything but names and contacts, and sha256 stays as the record of
-- what was frozen (a committee's earlier export still matches it)
alter table award_list alter column canonical drop not null;
alter table award_list add column redacted_at timestamptz;
alter table award_list add constraint award_list_canonical_until_redacted
    check ((canonical is null) = (redacted_at is not null));
