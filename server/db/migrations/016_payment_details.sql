-- What a payment paid for, beyond its kind, as the citizen may see it in
-- 我的支付 and 办事记录: already masked (a fine's plate 川A***45), never PII
-- in clear.
ALTER TABLE payments ADD COLUMN detail text;
