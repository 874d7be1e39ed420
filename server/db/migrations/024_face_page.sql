-- The identity agency's page where the citizen completes a face check
-- (人脸核身), as the agency answered startFaceCheck and the platform checked
-- it (the agency's own origin; https with a host name in production). The
-- app opens it by check id through the platform, never from a link, so
-- neither an agency nor a citizen can make the app frame another site.
ALTER TABLE face_checks ADD COLUMN page_url text;
