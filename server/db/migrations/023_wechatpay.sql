-- WeChat Pay API v3 (issue 17): a JSAPI order names its payer by openid, so
-- the platform keeps each citizen's openid of the mini-program, sealed with
-- the data key like all PII (the wechat_key HMAC still finds the citizen).
ALTER TABLE citizens ADD COLUMN openid_sealed text;

-- Payments are made with the merchant's WeChat Pay (configuration, not a
-- listed agency): pay_agency_id now names it, e.g. wechatpay-1900000109.
ALTER TABLE payments DROP CONSTRAINT payments_pay_agency_id_fkey;
