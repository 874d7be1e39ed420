-- How the app opens a generic service (issue 15): a web-view service opens its
-- endpoint; a mini-program service opens another mini-program by appId and path
-- (from its manifest, stored with the listing like the endpoint).
ALTER TABLE services ADD COLUMN miniprogram_app_id text CHECK (miniprogram_app_id ~ '^wx[0-9a-f]{16}$');
ALTER TABLE services ADD COLUMN miniprogram_path text;
ALTER TABLE services ADD CONSTRAINT services_miniprogram_both CHECK ((miniprogram_app_id IS NULL) = (miniprogram_path IS NULL));

-- A tile says when its service is in an announced maintenance window, so an
-- announcement changes the catalog's answers like any change to services.
CREATE TRIGGER maintenance_windows_bump_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON maintenance_windows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
