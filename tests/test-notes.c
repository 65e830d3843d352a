/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Notes files (issue 11): round trip, malformed files named by file, line
 * and field, never overwritten, interrupted saves, what is kept and
 * reported against a dataset, where the bundled dataset's notes go. */
#include "config.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hl-date.h"
#include "hl-notes.h"
#include "test-util.h"


static char *
example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "heistline.notes.json",
                                NULL);
}

static HlNotes *
load_path (const char *path, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return hl_notes_new_from_file (file, error);
}

static void
test_example_round_trip (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HlNotes) notes = load_path (path, &error);
  g_autoptr(HlNotes) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  gsize len;

  g_assert_no_error (error);
  g_assert_cmpuint (notes->annotations->len, >=, 5);
  g_assert_cmpuint (notes->views->len, >=, 3);

  data = hl_notes_to_data (notes, &len);
  bytes = g_bytes_new (data, len);
  again = hl_notes_new_from_bytes (bytes, "again.notes.json", &error);
  g_assert_no_error (error);
  g_assert_true (hl_notes_equal (notes, again));
  /* Written the same way twice: a save that changes nothing changes no byte. */
  data2 = hl_notes_to_data (again, NULL);
  g_assert_cmpstr (data, ==, data2);
}

static void
test_built_round_trip (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "x.notes.json", NULL);
  HlDataset *dataset = hl_test_bundled ();
  g_autoptr(HlNotes) notes = hl_notes_new ();
  g_autoptr(HlNotes) back = NULL;
  g_autoptr(GError) error = NULL;
  HlAnnotation *range;
  HlAnnotation *point;
  HlView view;

  point = hl_annotation_new_point ("p", hl_date_from_ymd (2023, 11, 21), "Satellite “3” ✓ 위성");
  point->lanes = g_strsplit ("launches", ",", -1);
  point->has_color = TRUE;
  point->color = 0x12ab34;
  range = hl_annotation_new_range ("r", hl_date_from_ymd (2023, 11, 10),
                                   hl_date_from_ymd (2023, 11, 23), "Two heists\nin two weeks");
  g_ptr_array_add (notes->annotations, point);
  g_ptr_array_add (notes->annotations, range);
  g_assert_cmpstr (range->from_date, ==, "2023-11-10");
  g_assert_cmpstr (range->to_date, ==, "2023-11-22");

  hl_view_init (&view, dataset);
  hl_lane_mask_set (&view.hidden_lanes, 2);
  view.hidden_confidences = 1u << HL_CONFIDENCE_SUSPECTED;
  view.min_usd = 5e6;
  view.bins = HL_BINS_WEEK;
  view.money_scale = HL_MONEY_LOG;
  view.theme = HL_THEME_DARK;
  view.search = g_strdup ("bridge");
  g_ptr_array_add (notes->views, hl_saved_view_new_from_view ("Mine", &view, dataset));
  hl_view_clear (&view);

  g_assert_true (hl_notes_save (notes, path, &error));
  g_assert_no_error (error);
  back = load_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (hl_notes_equal (notes, back));
  hl_test_remove_tmpdir (dir);
}

typedef struct
{
  const char *file;
  const char *message;   /* after "FILE" */
} Malformed;

static const Malformed malformed[] = {
  { "empty", ":1: the file is empty" },
  { "syntax", ":4:16: not valid JSON: a comma must be followed by another member" },
  { "not-utf8", ":3:15: not UTF-8 text (byte 0xFF); save the file as UTF-8" },
  { "deep", ":3:39: not valid JSON: nested deeper than 32 levels" },
  { "duplicate-member", ":3:3: valid JSON, but Heistline does not accept it" },
  { "root-array", ":1: a notes file is a JSON object, not an array" },
  { "wrong-format", ":2: format: “heistline-dataset/1” is not “heistline-notes/1”" },
  { "no-format", ":2: format: missing (it is required)" },
  { "annotations-object", ":3: annotations: must be an array, not an object" },
  { "element-number", ":5: annotations[0]: must be an object, not a number" },
  { "missing-text", ":5: annotations[0].text: missing (it is required)" },
  { "bad-date", ":7: annotations[0].date: “2023-13-45” is not a date" },
  { "date-and-span", ":7: annotations[0].date: give a “date” or a “from”/“to” span, not both" },
  { "from-without-to", ":7: annotations[0].to: missing: “from” and “to” go together" },
  { "to-before-from", ":8: annotations[0].to: comes before “from”" },
  { "duplicate-id", ":10: annotations[1].id: “n1” is the id of an earlier annotation too" },
  { "bad-color", ":8: annotations[0].color: “red” is not a colour #RRGGBB" },
  { "lane-number", ":8: annotations[0].lanes: element 0 must be a non-empty string" },
  { "unknown-member", ":6: annotations[0].txt: unknown member" },
  { "view-no-name", ":6: views[0].name: missing (it is required)" },
  { "view-duplicate-name", ":9: views[1].name: “A” is the name of an earlier view too" },
  { "view-bad-bins", ":7: views[0].bins: “hourly” is not one of marks, auto" },
  { "view-unknown-note", ":7: views[0].annotations: no annotation has the id “zz”" },
  { "view-bad-size", ":7: views[0].size: must be {\"width\": W, \"height\": H}" },
  { "view-bad-grade", ":8: views[0].filters.hide_grades: “rumour” is not one of official" },
};

static char *
read_all (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_base64_encode ((const guchar *) data, len);
}

static void
test_malformed (void)
{
  guint n_wrong = 0;

  g_assert_cmpuint (G_N_ELEMENTS (malformed), >=, 15);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *name = g_strconcat (malformed[i].file, HL_NOTES_SUFFIX, NULL);
      g_autofree char *src = g_build_filename (TEST_DATA_DIR, "notes", name, NULL);
      g_autofree char *expected = g_strconcat (name, malformed[i].message, NULL);
      g_autofree char *before = read_all (src);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(HlNotes) notes = load_path (src, &error);
      HlDataset *dataset = hl_test_bundled ();

      g_test_message ("%s: %s", name, error ? error->message : "(loaded)");
      g_assert_null (notes);
      g_assert_true (g_error_matches (error, HL_NOTES_ERROR, HL_NOTES_ERROR_SYNTAX) ||
                     g_error_matches (error, HL_NOTES_ERROR, HL_NOTES_ERROR_INVALID));
      /* The message starts with the file's path, then line and field. */
      g_assert_true (g_str_has_prefix (error->message, src));
      if (strstr (error->message, expected) == NULL)
        {
          g_printerr ("%s: expected “%s”, got “%s”\n", name, expected, error->message);
          n_wrong++;
        }
      /* Reading never writes, and the dataset beside it is unaffected. */
      after = read_all (src);
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpuint (hl_dataset_get_n_events (dataset), ==, 188);
    }
  g_assert_cmpuint (n_wrong, ==, 0);
}

/* Changes to notes that could not be read go to a new file beside them. */
static void
test_bad_file_never_overwritten (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *src = g_build_filename (TEST_DATA_DIR, "notes", "bad-date.notes.json", NULL);
  g_autofree char *path = g_build_filename (dir, "ds.notes.json", NULL);
  g_autofree char *original = NULL;
  g_autofree char *save_to = NULL;
  g_autofree char *good_to = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(HlNotes) bad = NULL;
  g_autoptr(HlNotes) notes = hl_notes_new ();
  g_autoptr(HlNotes) back = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (src, &original, &len, NULL));
  g_assert_true (g_file_set_contents (path, original, len, NULL));
  before = read_all (path);
  bad = load_path (path, &error);
  g_assert_null (bad);
  g_clear_error (&error);

  save_to = hl_notes_save_path (path, TRUE);
  g_assert_cmpstr (save_to, !=, path);
  g_assert_true (g_str_has_suffix (save_to, "/ds.notes-2.json"));
  g_ptr_array_add (notes->annotations, hl_annotation_new_point ("a", 0, "new"));
  g_assert_true (hl_notes_save (notes, save_to, &error));
  after = read_all (path);
  g_assert_cmpstr (before, ==, after);
  back = load_path (save_to, &error);
  g_assert_no_error (error);
  g_assert_true (hl_notes_equal (notes, back));
  /* The next one beside it does not take the first's name. */
  good_to = hl_notes_save_path (path, TRUE);
  g_assert_true (g_str_has_suffix (good_to, "/ds.notes-3.json"));
  /* A file that was read is saved in place. */
  g_free (good_to);
  good_to = hl_notes_save_path (save_to, FALSE);
  g_assert_cmpstr (good_to, ==, save_to);
  hl_test_remove_tmpdir (dir);
}

/* A child saves under a file size limit: with SIGXFSZ ignored the write
 * fails as on a full disk; with it left alone, the child dies mid-write
 * as in a crash. Either way the old file is byte-identical. */
static void
interrupted_save (gboolean crash)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "ds.notes.json", NULL);
  g_autofree char *example = example_path ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(HlNotes) notes = load_path (example, NULL);
  g_autoptr(HlNotes) bigger = NULL;
  int status = 0;
  pid_t pid;

  g_assert_nonnull (notes);
  g_assert_true (hl_notes_save (notes, path, NULL));
  before = read_all (path);
  bigger = hl_notes_copy (notes);
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *id = g_strdup_printf ("more-%u", i);

      g_ptr_array_add (bigger->annotations, hl_annotation_new_point (id, 0, "padding text"));
    }

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit lim = { 4096, 4096 };
      g_autoptr(GError) error = NULL;

      if (!crash)
        signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &lim);
      if (hl_notes_save (bigger, path, &error))
        _exit (3);
      _exit (g_error_matches (error, HL_NOTES_ERROR, HL_NOTES_ERROR_IO) &&
             strstr (error->message, "notes not saved") != NULL ? 0 : 4);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (crash)
    g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGXFSZ);
  else
    {
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      /* and no temporary is left behind */
      HL_TEST_ASSERT_DIR (dir, "ds.notes.json");
    }
  after = read_all (path);
  g_assert_cmpstr (before, ==, after);
  hl_test_remove_tmpdir (dir);
}

static void
test_interrupted_full_disk (void)
{
  interrupted_save (FALSE);
}

static void
test_interrupted_crash (void)
{
  interrupted_save (TRUE);
}

/* An annotation on a lane the dataset lacks, or outside its range, is
 * kept (and saved again) and reported, never dropped. */
static void
test_kept_and_reported (void)
{
  const char *text =
    "{\"format\": \"heistline-notes/1\", \"annotations\": ["
    "{\"id\": \"gone\", \"date\": \"2023-11-22\", \"text\": \"a\", \"lanes\": [\"ransomware\"]},"
    "{\"id\": \"old\", \"date\": \"1999-01-01\", \"text\": \"b\"},"
    "{\"id\": \"fine\", \"date\": \"2023-11-22\", \"text\": \"c\", \"lanes\": [\"heists\"]}],"
    "\"views\": [{\"name\": \"V\", \"lanes\": [\"ransomware\"]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  HlDataset *dataset = hl_test_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HlNotes) notes = hl_notes_new_from_bytes (bytes, "k.notes.json", &error);
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (notes->annotations->len, ==, 3);
  found = hl_notes_check (notes, dataset, "k.notes.json");
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (found, 0), ==,
                   "k.notes.json: annotations[0] (id “gone”): the dataset has no lane "
                   "“ransomware”; the note is kept and drawn over the whole chart");
  g_assert_cmpstr (g_ptr_array_index (found, 1), ==,
                   "k.notes.json: annotations[1] (id “old”): 1999-01-01 is outside the "
                   "dataset's range; the note is kept");
  g_assert_cmpstr (g_ptr_array_index (found, 2), ==,
                   "k.notes.json: views[0] (“V”): the dataset has no lane “ransomware”");
  saved = hl_notes_to_data (notes, NULL);
  g_assert_nonnull (strstr (saved, "\"ransomware\""));
  g_assert_nonnull (strstr (saved, "\"1999-01-01\""));
}

static void
test_paths (void)
{
  g_autoptr(GFile) ds = g_file_new_for_path ("/data/work/defi.json");
  g_autoptr(GFile) bare = g_file_new_for_path ("/data/work/list");
  g_autofree char *beside = hl_notes_path_for_dataset (ds);
  g_autofree char *bare_notes = hl_notes_path_for_dataset (bare);
  g_autofree char *bundled = hl_notes_path_for_dataset (NULL);
  g_autofree char *user = g_build_filename (g_get_user_data_dir (), "heistline", NULL);

  g_assert_cmpstr (beside, ==, "/data/work/defi.notes.json");
  g_assert_cmpstr (bare_notes, ==, "/data/work/list.notes.json");
  /* The bundled dataset's notes go to the user's data folder. */
  g_assert_true (g_str_has_prefix (bundled, user));
  g_assert_true (g_str_has_suffix (bundled, "/heistline.notes.json"));
}

/* The bundled dataset's notes saved where the user's data goes (a
 * folder that may not exist yet). */
static void
test_bundled_save (void)
{
  g_autofree char *path = hl_notes_path_for_dataset (NULL);
  g_autoptr(HlNotes) notes = hl_notes_new ();
  g_autoptr(HlNotes) back = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (notes->annotations, hl_annotation_new_point ("a", 0, "x"));
  g_assert_true (hl_notes_save (notes, path, &error));
  g_assert_no_error (error);
  back = load_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (hl_notes_equal (notes, back));
}

static void
test_apply_view (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(HlNotes) notes = load_path (path, NULL);
  HlDataset *dataset = hl_test_bundled ();
  int i = hl_notes_find_view (notes, "December ICBM");
  HlView view;

  g_assert_cmpint (i, >=, 0);
  g_assert_cmpint (hl_notes_find_view (notes, "nope"), ==, -1);
  hl_view_init (&view, dataset);
  hl_saved_view_apply (g_ptr_array_index (notes->views, i), dataset, notes, &view);
  g_assert_cmpint (view.from, ==, hl_date_from_ymd (2023, 12, 1));
  g_assert_cmpint (view.to, ==, hl_date_from_ymd (2024, 1, 6));
  g_assert_true (hl_view_lane_visible (&view, 0));
  g_assert_true (hl_view_lane_visible (&view, 1));
  g_assert_false (hl_view_lane_visible (&view, 2));
  g_assert_cmpint (view.theme, ==, HL_THEME_DARK);
  g_assert_cmpuint (view.annotations->len, ==, 2);
  hl_view_clear (&view);
}

static void
test_describe_in_view (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(HlNotes) notes = load_path (path, NULL);
  HlDataset *dataset = hl_test_bundled ();
  g_autofree char *all = NULL;
  g_autofree char *two = NULL;
  g_autofree char *none = NULL;
  HlView view;

  hl_view_init (&view, dataset);
  view.annotations = hl_notes_ref_annotations (notes);
  all = hl_notes_describe_in_view (&view, dataset);
  g_assert_cmpstr (all, ==, "Notes in view: “\u2068Poloniex and HTX: $236M in under two "
                            "weeks\u2069”, “\u2068Third try puts Malligyong-1 in orbit\u2069”, "
                            "“\u2068Solid-fuel IRBM engine, two stages\u2069” and 4 more.");
  /* a hidden lane hides its notes; the range cuts the rest */
  hl_lane_mask_set (&view.hidden_lanes, 0);
  hl_view_set_range (&view, hl_date_from_ymd (2023, 12, 1), hl_date_from_ymd (2024, 2, 1));
  two = hl_notes_describe_in_view (&view, dataset);
  g_assert_cmpstr (two, ==, "Notes in view: “\u2068Hwasong-18 ICBM, the day after an "
                            "SRBM\u2069”, “\u2068End of the panel's reporting period\u2069”.");
  view.show_annotations = FALSE;
  none = hl_notes_describe_in_view (&view, dataset);
  g_assert_null (none);
  hl_view_clear (&view);
}

/* Removing a note a view lists takes it out of the view too: the file
 * saved stays readable. */
static void
test_remove_listed (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(HlNotes) notes = load_path (path, NULL);
  g_autoptr(HlNotes) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  const HlSavedView *dec;
  gsize len;

  hl_notes_remove_annotation (notes, hl_notes_find_annotation (notes, "icbm-dec"));
  dec = g_ptr_array_index (notes->views, hl_notes_find_view (notes, "December ICBM"));
  g_assert_cmpuint (g_strv_length (dec->annotation_ids), ==, 1);
  g_assert_cmpstr (dec->annotation_ids[0], ==, "orbit-bridge");
  data = hl_notes_to_data (notes, &len);
  bytes = g_bytes_new (data, len);
  back = hl_notes_new_from_bytes (bytes, "x", &error);
  g_assert_no_error (error);
  g_assert_true (hl_notes_equal (notes, back));
}

static void
test_move (void)
{
  g_autoptr(HlAnnotation) point = hl_annotation_new_point ("p", hl_date_from_ymd (2023, 1, 1),
                                                           "x");
  g_autoptr(HlAnnotation) range = hl_annotation_new_range ("r", hl_date_from_ymd (2023, 1, 1),
                                                           hl_date_from_ymd (2023, 1, 4), "y");

  hl_annotation_move (point, hl_date_from_ymd (2023, 5, 6) + 3600);
  g_assert_cmpstr (point->date, ==, "2023-05-06");
  g_assert_cmpint (point->from, ==, hl_date_from_ymd (2023, 5, 6) + HL_SECONDS_PER_DAY / 2);
  hl_annotation_move (range, hl_date_from_ymd (2023, 2, 10));
  g_assert_cmpstr (range->from_date, ==, "2023-02-10");
  g_assert_cmpstr (range->to_date, ==, "2023-02-12");
}

static char *data_home;

/* The user's data folder for this run only (GLib's G_TEST_OPTION_ISOLATE_DIRS
 * leaks its paths under LeakSanitizer). */
static void
remove_data_home (void)
{
  g_autofree char *folder = g_build_filename (data_home, "heistline", NULL);

  hl_test_remove_tmpdir (folder);
  hl_test_remove_tmpdir (data_home);
  g_free (data_home);
}

/* Issue 13: a view's "files" read, written back and read again equal;
 * paths relative to the notes file's folder. */
static void
test_view_files_round_trip (void)
{
  static const char text[] =
    "{ \"format\": \"heistline-notes/1\", \"views\": [\n"
    "  { \"name\": \"Both\", \"files\": [\"b.json\", \"sub/c.json\"] },\n"
    "  { \"name\": \"Alone\" } ] }\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  HlNotes *notes = hl_notes_new_from_bytes (bytes, "a.notes.json", &error);
  HlNotes *again;
  g_autoptr(GBytes) written = NULL;
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  g_autofree char *relative = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/data/notes/sub/c.json");
  gsize length;
  const HlSavedView *both;

  g_assert_no_error (error);
  both = g_ptr_array_index (notes->views, 0);
  g_assert_cmpuint (g_strv_length (both->files), ==, 2);
  g_assert_cmpstr (both->files[1], ==, "sub/c.json");
  g_assert_null (((HlSavedView *) g_ptr_array_index (notes->views, 1))->files);
  data = hl_notes_to_data (notes, &length);
  g_assert_nonnull (strstr (data, "\"files\""));
  written = g_bytes_new (data, length);
  again = hl_notes_new_from_bytes (written, "a.notes.json", &error);
  g_assert_no_error (error);
  g_assert_true (hl_notes_equal (notes, again));

  path = hl_saved_view_resolve_file ("/data/notes/a.notes.json", "sub/c.json");
  g_assert_cmpstr (path, ==, "/data/notes/sub/c.json");
  relative = hl_saved_view_relative_file ("/data/notes/a.notes.json", file);
  g_assert_cmpstr (relative, ==, "sub/c.json");
  hl_notes_free (notes);
  hl_notes_free (again);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  data_home = hl_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_add_func ("/notes/example-round-trip", test_example_round_trip);
  g_test_add_func ("/notes/built-round-trip", test_built_round_trip);
  g_test_add_func ("/notes/malformed", test_malformed);
  g_test_add_func ("/notes/bad-file-never-overwritten", test_bad_file_never_overwritten);
  g_test_add_func ("/notes/interrupted/full-disk", test_interrupted_full_disk);
  g_test_add_func ("/notes/interrupted/crash", test_interrupted_crash);
  g_test_add_func ("/notes/kept-and-reported", test_kept_and_reported);
  g_test_add_func ("/notes/paths", test_paths);
  g_test_add_func ("/notes/bundled-save", test_bundled_save);
  g_test_add_func ("/notes/apply-view", test_apply_view);
  g_test_add_func ("/notes/move", test_move);
  g_test_add_func ("/notes/remove-listed", test_remove_listed);
  g_test_add_func ("/notes/describe-in-view", test_describe_in_view);
  g_test_add_func ("/notes/view-files-round-trip", test_view_files_round_trip);
  status = g_test_run ();
  remove_data_home ();
  return status;
}
