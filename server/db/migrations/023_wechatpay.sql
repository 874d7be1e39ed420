-- WeChat Pay API v3 (issue 17): a JSAPI order names its payer by openid, so
-- the platform keeps each citizen's openid of the mini-program, sealed with
-- the data key like all PII (the wechat_key HMAC still finds the citizen).
ALTER TABLE citizens ADD COLUMN openid_sealed text;
