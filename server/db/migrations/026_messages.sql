-- 消息 (issue 18, item 4): one message per change of a case (a 办事记录
-- item), never two: the unique (record, state) key makes a redelivered
-- payment notify, a retried job or a second server process a no-op.
-- Messages hold no PII: their text is built from the record's `what`, which
-- never holds any.
CREATE TABLE citizen_messages (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id  uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  record_id   uuid NOT NULL REFERENCES citizen_records (id) ON DELETE CASCADE,
  -- paid, booked, reminder, withdrawal-decided, refunded, rating-answered
  state       text NOT NULL,
  title       text NOT NULL,
  body        text NOT NULL,
  read_at     timestamptz,
  -- The WeChat subscription message of this change: none (not asked for),
  -- pending (to send), sending (claimed by one process), sent, skipped (no
  -- quota), refused (43101), failed. Sent at most once: a claimed message is
  -- never claimed again.
  wechat      text NOT NULL DEFAULT 'none' CHECK (wechat IN ('none', 'pending', 'sending', 'sent', 'skipped', 'refused', 'failed')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (record_id, state)
);
CREATE INDEX citizen_messages_by_citizen ON citizen_messages (citizen_id, created_at DESC);
CREATE INDEX citizen_messages_unread ON citizen_messages (citizen_id) WHERE read_at IS NULL;
CREATE INDEX citizen_messages_to_send ON citizen_messages (created_at) WHERE wechat = 'pending';

-- The citizen's choice per subscription template, as the app reported it
-- after requestSubscribeMessage: each 'accept' of a one-time template allows
-- one message (quota); 'reject' (or WeChat's 43101) stops asking and sending
-- for that template until the citizen accepts again.
CREATE TABLE subscription_choices (
  citizen_id   uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  template_id  text NOT NULL,
  choice       text NOT NULL CHECK (choice IN ('accept', 'reject')),
  quota        integer NOT NULL DEFAULT 0 CHECK (quota >= 0),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (citizen_id, template_id)
);

-- The openid a subscription message goes to (WeChat's `touser`), sealed
-- (AES-256-GCM): kept only for citizens who accepted a subscription.
CREATE TABLE wechat_recipients (
  citizen_id     uuid PRIMARY KEY REFERENCES citizens (id) ON DELETE CASCADE,
  openid_sealed  text NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
