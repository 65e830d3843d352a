/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replacing files safely, as users met the defects: through an export
 * onto a symbolic link, a private file, a read-only file, a long name, an
 * export killed half-way, a full disk and an absurd size. Each case looks
 * at the files on disk afterwards. No display needed; runs as root in CI,
 * so the non-root cases drop to "nobody" in a subprocess. */
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hl-atomic-file.h"
#include "hl-export.h"
#include "test-util.h"

#define NOBODY 65534

/* A small PNG export of the whole dataset. */
static gboolean
export_full (const char *path, HlAtomicFileFlags flags, GError **error)
{
  HlView view;
  gboolean ok;

  hl_view_init (&view, hl_test_bundled ());
  ok = hl_export_to_file_full (hl_test_bundled (), &view, HL_EXPORT_PNG, 320, 180, 1, path, flags,
                               NULL, error);
  hl_view_clear (&view);
  return ok;
}

static gboolean
export (const char *path, GError **error)
{
  return export_full (path, HL_ATOMIC_FILE_FLAGS_NONE, error);
}


static void
assert_png (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 4, "\x89PNG", 4);
}

static void
assert_contents (const char *path, const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
assert_link (const char *path, const char *points_to)
{
  g_autofree char *link = NULL;
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  link = g_file_read_link (path, NULL);
  g_assert_cmpstr (link, ==, points_to);
}

static mode_t
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* Removes @dir and everything under it. */
static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* 1. Symbolic links are written through */

static void
test_symlink (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *real = g_build_filename (dir, "real.png", NULL);
  g_autofree char *link = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (real, "old bytes", -1, NULL));
  g_assert_cmpint (symlink ("real.png", link), ==, 0);

  g_assert_true (export (link, &error));
  g_assert_no_error (error);
  assert_link (link, "real.png");
  assert_png (real);
  HL_TEST_ASSERT_DIR (dir, "chart.png real.png");
  remove_tree (dir);
}

/* A relative link to a relative link to an absolute link into another
 * folder: the file at the end is replaced, in its own folder, and every
 * link stays. */
static void
test_symlink_chain (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *real = g_build_filename (sub, "real.png", NULL);
  g_autofree char *one = g_build_filename (dir, "one.png", NULL);
  g_autofree char *two = g_build_filename (dir, "two.png", NULL);
  g_autofree char *three = g_build_filename (dir, "three.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_true (g_file_set_contents (real, "old bytes", -1, NULL));
  g_assert_cmpint (symlink (real, three), ==, 0);
  g_assert_cmpint (symlink ("three.png", two), ==, 0);
  g_assert_cmpint (symlink ("./two.png", one), ==, 0);

  g_assert_true (export (one, &error));
  g_assert_no_error (error);
  assert_link (one, "./two.png");
  assert_link (two, "three.png");
  assert_link (three, real);
  assert_png (real);
  HL_TEST_ASSERT_DIR (dir, "one.png sub three.png two.png");
  HL_TEST_ASSERT_DIR (sub, "real.png");
  remove_tree (dir);
}

/* A loop of links, and a chain longer than the bound: refused with a
 * message naming the file, nothing written. */
static void
test_symlink_loop (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *a = g_build_filename (dir, "a.png", NULL);
  g_autofree char *b = g_build_filename (dir, "b.png", NULL);
  g_autofree char *first = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("b.png", a), ==, 0);
  g_assert_cmpint (symlink ("a.png", b), ==, 0);
  g_assert_false (export (a, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_LOOP);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, a));
  g_clear_error (&error);
  HL_TEST_ASSERT_DIR (dir, "a.png b.png");
  g_unlink (a);
  g_unlink (b);

  /* link-0 -> link-1 -> ... -> link-N -> real.png, one link too many */
  for (int i = HL_ATOMIC_FILE_MAX_LINKS; i >= 0; i--)
    {
      g_autofree char *name = g_strdup_printf ("%s/link-%02d", dir, i);
      g_autofree char *next = i == HL_ATOMIC_FILE_MAX_LINKS ? g_strdup ("real.png")
                                                            : g_strdup_printf ("link-%02d", i + 1);

      g_assert_cmpint (symlink (next, name), ==, 0);
    }
  first = g_build_filename (dir, "link-00", NULL);
  g_assert_false (export (first, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_LOOP);
  g_clear_error (&error);
  listing = hl_test_list_dir (dir);
  g_assert_null (strstr (listing, "real.png"));
  g_assert_null (strstr (listing, ".heistline-"));

  /* at the bound, it is written */
  g_free (first);
  first = g_build_filename (dir, "link-01", NULL);
  g_assert_true (export (first, &error));
  g_assert_no_error (error);
  g_free (first);
  first = g_build_filename (dir, "real.png", NULL);
  assert_png (first);
  remove_tree (dir);
}

/* A dangling link: the file it names is created and the link kept, as
 * `echo > link` does; if that file's folder is missing, the message names
 * the link and where it leads. */
static void
test_symlink_dangling (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *link = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *made = g_build_filename (dir, "made.png", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("made.png", link), ==, 0);
  g_assert_true (export (link, &error));
  g_assert_no_error (error);
  assert_link (link, "made.png");
  assert_png (made);

  g_assert_cmpint (symlink ("gone/chart.png", broken), ==, 0);
  g_assert_false (export (broken, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, broken));
  g_assert_nonnull (strstr (error->message, "gone/chart.png"));
  HL_TEST_ASSERT_DIR (dir, "broken.png chart.png made.png");
  remove_tree (dir);
}

/* In a shared sticky folder like /tmp, a link someone else made is not
 * followed (Linux's fs.protected_symlinks rule): the file it points to
 * stays as it was. One this user made is. Needs root to make a link owned
 * by someone else. */
static void
test_symlink_shared_folder (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *victim = g_build_filename (dir, "victim.txt", NULL);
  g_autofree char *planted = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *own = g_build_filename (dir, "own.png", NULL);
  g_autoptr(GError) error = NULL;

  if (geteuid () != 0)
    {
      g_test_skip ("needs root to make a link owned by another user");
      remove_tree (dir);
      return;
    }
  g_assert_cmpint (g_chmod (dir, 01777), ==, 0);
  g_assert_true (g_file_set_contents (victim, "precious", -1, NULL));
  g_assert_cmpint (symlink (victim, planted), ==, 0);
  g_assert_cmpint (lchown (planted, NOBODY, NOBODY), ==, 0);

  g_assert_false (export (planted, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, planted));
  g_assert_nonnull (strstr (error->message, "another user"));
  assert_contents (victim, "precious");
  assert_link (planted, victim);

  g_assert_cmpint (symlink ("victim.txt", own), ==, 0);
  g_assert_true (export (own, NULL));
  assert_png (victim);
  HL_TEST_ASSERT_DIR (dir, "chart.png own.png victim.txt");
  remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* 2. Mode, owner and group are kept; a new file follows the umask */

static void
test_mode_kept (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *private = g_build_filename (dir, "private.png", NULL);
  g_autofree char *shared = g_build_filename (dir, "shared.png", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (private, "old bytes", -1, NULL));
  g_assert_cmpint (g_chmod (private, 0600), ==, 0);
  g_assert_true (export (private, &error));
  g_assert_no_error (error);
  assert_png (private);
  g_assert_cmpuint (mode_of (private), ==, 0600);

  /* someone else's file in a folder we may write: root keeps the owner */
  g_assert_true (g_file_set_contents (shared, "old bytes", -1, NULL));
  g_assert_cmpint (g_chmod (shared, 0664), ==, 0);
  if (geteuid () == 0)
    g_assert_cmpint (chown (shared, NOBODY, NOBODY), ==, 0);
  g_assert_true (export (shared, &error));
  g_assert_no_error (error);
  assert_png (shared);
  g_assert_cmpuint (mode_of (shared), ==, 0664);
  if (geteuid () == 0)
    {
      g_assert_cmpint (g_stat (shared, &st), ==, 0);
      g_assert_cmpuint (st.st_uid, ==, NOBODY);
      g_assert_cmpuint (st.st_gid, ==, NOBODY);
    }
  HL_TEST_ASSERT_DIR (dir, "private.png shared.png");
  remove_tree (dir);
}

/* A new file is 0666 less the umask: with umask 027, 0640. In a
 * subprocess, which reads the umask afresh. */
static void
test_mode_new_file (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = hl_test_make_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "new.png", NULL);
      g_autoptr(GError) error = NULL;

      umask (027);
      g_assert_true (export (path, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (mode_of (path), ==, 0640);
      remove_tree (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ------------------------------------------------------------------ */
/* 3. A read-only file is refused unless forced */

static void
check_read_only (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *link = g_build_filename (dir, "link.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old bytes", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_false (export (path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "is read-only"));
  g_clear_error (&error);
  assert_contents (path, "old bytes");
  HL_TEST_ASSERT_DIR (dir, "chart.png");

  /* through a link, the message says where it leads */
  g_assert_cmpint (symlink ("chart.png", link), ==, 0);
  g_assert_false (export (link, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_assert_nonnull (strstr (error->message, link));
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  assert_contents (path, "old bytes");

  g_assert_true (export_full (path, HL_ATOMIC_FILE_FLAGS_FORCE, &error));
  g_assert_no_error (error);
  assert_png (path);
  g_assert_cmpuint (mode_of (path), ==, 0444);
  HL_TEST_ASSERT_DIR (dir, "chart.png link.png");
}

static void
test_read_only (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();

  check_read_only (dir);
  remove_tree (dir);
}

/* The same for a user who is not root, in a folder of their own. */
static void
test_read_only_user (void)
{
  if (geteuid () != 0)
    {
      test_read_only ();
      return;
    }
  if (g_test_subprocess ())
    {
      g_autofree char *dir = hl_test_make_tmpdir ();

      g_assert_cmpint (chown (dir, NOBODY, NOBODY), ==, 0);
      hl_test_bundled ();
      g_assert_cmpint (setgid (NOBODY), ==, 0);
      g_assert_cmpint (setuid (NOBODY), ==, 0);
      check_read_only (dir);
      remove_tree (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A folder or a device is not replaced by a file. */
static void
test_not_regular (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "folder.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (export (folder, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_clear_error (&error);

  g_assert_false (hl_atomic_file_replace_contents ("/dev/null", "x", 1,
                                                   HL_ATOMIC_FILE_FLAGS_FORCE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_nonnull (strstr (error->message, "/dev/null"));
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  HL_TEST_ASSERT_DIR (dir, "folder.png");
  remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* 4. Long names */

static void
test_long_name (void)
{
  static const int lengths[] = { 252, 255 };
  g_autofree char *dir = hl_test_make_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autofree char *stem = g_strnfill (lengths[i] - strlen (".png"), 'n');
      g_autofree char *name = g_strconcat (stem, ".png", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (strlen (name), ==, lengths[i]);
      g_assert_true (export (path, &error));
      g_assert_no_error (error);
      assert_png (path);
      HL_TEST_ASSERT_DIR (dir, name);
      g_unlink (path);
    }
  remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* 5. No temporary outlives its export */

/* A PID that ran and no longer does: a child that exited and was reaped. */
static pid_t
dead_pid (void)
{
  int status;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return pid;
}

static pid_t
sleeping_child (void)
{
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      for (;;)
        pause ();
    }
  return pid;
}

static void
reap (pid_t pid)
{
  int status;

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
}

static char *
touch (const char *dir, const char *name)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "partial", -1, NULL));
  return path;
}

/* The next write in a folder removes what a dead writer of this program
 * left, and nothing else: not a live process's (this one's, a child's),
 * not another program's, not a name that only looks like ours, not
 * another user's. */
static void
test_stale_temps (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *dead = g_strdup_printf (".heistline-%d-Dead0001.tmp", (int) dead_pid ());
  g_autofree char *dead2 = g_strdup_printf (".heistline-%d-Dead0002.tmp", (int) dead_pid ());
  g_autofree char *mine = g_strdup_printf (".heistline-%d-Mine0001.tmp", (int) getpid ());
  pid_t child = sleeping_child ();
  g_autofree char *alive = g_strdup_printf (".heistline-%d-Live0001.tmp", (int) child);
  g_autofree char *dead_pid_str = g_strdup_printf ("%d", (int) dead_pid ());
  g_autofree char *odd = g_strdup_printf (".heistline-%s-short.tmp", dead_pid_str);
  g_autofree char *odd2 = g_strdup_printf (".heistline-%s-Dead0003.tmp~", dead_pid_str);
  g_autofree char *theirs = g_strdup_printf (".heistline-%s-Them0001.tmp", dead_pid_str);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  const char *kept[] = { ".other.XXXX", ".other.png.a1B2c3", alive, mine, odd, odd2, theirs };

  g_free (touch (dir, dead));
  g_free (touch (dir, dead2));
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    g_free (touch (dir, kept[i]));
  if (geteuid () == 0)
    {
      g_autofree char *other_user = g_build_filename (dir, theirs, NULL);

      g_assert_cmpint (chown (other_user, NOBODY, NOBODY), ==, 0);
    }
  else
    kept[G_N_ELEMENTS (kept) - 1] = NULL; /* ours after all: removed */

  g_assert_true (export (path, &error));
  g_assert_no_error (error);
  assert_png (path);

  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();

    for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
      if (kept[i] != NULL)
        g_ptr_array_add (names, (gpointer) kept[i]);
    g_ptr_array_add (names, (gpointer) "chart.png");
    g_ptr_array_sort (names, hl_test_compare_strings);
    g_ptr_array_add (names, NULL);
    expected = g_strjoinv (" ", (char **) names->pdata);
  }
  HL_TEST_ASSERT_DIR (dir, expected);
  reap (child);
  remove_tree (dir);
}

/* A writer in a child process: it starts replacing chart.png, writes a
 * first part, says so on @ready and waits to be killed. */
static pid_t
start_writer (const char *path, gboolean cleanup, int *ready)
{
  int fds[2];
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      static const char part[] = "\x89PNG\r\n\x1a\n the first part of a chart";
      g_autoptr(HlAtomicFile) file = NULL;

      close (fds[0]);
      if (cleanup)
        hl_atomic_file_install_signal_cleanup ();
      file = hl_atomic_file_open (path, HL_ATOMIC_FILE_FLAGS_NONE, NULL);
      if (file == NULL || !hl_atomic_file_write (file, part, sizeof part - 1, NULL))
        _exit (1);
      if (write (fds[1], "!", 1) != 1)
        _exit (1);
      for (;;)
        pause ();
    }
  close (fds[1]);
  *ready = fds[0];
  return pid;
}

static void
assert_killed_by (pid_t pid, int signum)
{
  int status;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, signum);
}

/* TERM, INT or HUP while a temporary is half-written: the handler unlinks
 * it and the process still dies of the signal; the old file stays. */
static void
test_signal_cleanup (void)
{
  static const int signals[] = { SIGTERM, SIGINT, SIGHUP };
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);

  g_assert_true (g_file_set_contents (path, "old bytes", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      g_autofree char *listing = NULL;
      char c;
      int ready;
      pid_t pid = start_writer (path, TRUE, &ready);

      g_test_message ("signal %s", g_strsignal (signals[i]));
      g_assert_cmpint (read (ready, &c, 1), ==, 1);
      close (ready);
      listing = hl_test_list_dir (dir);
      g_assert_true (g_str_has_prefix (listing, ".heistline-"));
      g_assert_true (g_str_has_suffix (listing, ".tmp chart.png"));

      g_assert_cmpint (kill (pid, signals[i]), ==, 0);
      assert_killed_by (pid, signals[i]);
      HL_TEST_ASSERT_DIR (dir, "chart.png");
      assert_contents (path, "old bytes");
    }
  remove_tree (dir);
}

/* The first hidden file in @dir whose size is not zero, waiting for one
 * up to ten seconds; NULL if none came. */
static char *
wait_for_partial_file (const char *dir)
{
  for (int tries = 0; tries < 1000; tries++)
    {
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *name;

      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          GStatBuf st;

          if (name[0] == '.' && g_stat (path, &st) == 0 && st.st_size > 0)
            return g_strdup (name);
        }
      g_usleep (10 * G_TIME_SPAN_MILLISECOND);
    }
  return NULL;
}

/* The same for a real export, terminated while it writes its PNG (a big
 * one, which takes a second or so to encode): no hidden partial file. */
static void
test_export_terminated (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *partial = NULL;
  pid_t pid;

  g_assert_true (g_file_set_contents (path, "old bytes", -1, NULL));
  hl_test_bundled ();
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      HlView view;

      hl_atomic_file_install_signal_cleanup ();
      hl_view_init (&view, hl_test_bundled ());
      hl_export_to_file (hl_test_bundled (), &view, HL_EXPORT_PNG, 2560, 1440, 3, path, NULL);
      _exit (0);
    }

  partial = wait_for_partial_file (dir);
  g_assert_nonnull (partial);
  g_test_message ("terminating while %s is being written", partial);
  g_assert_cmpint (kill (pid, SIGTERM), ==, 0);
  assert_killed_by (pid, SIGTERM);
  HL_TEST_ASSERT_DIR (dir, "chart.png");
  assert_contents (path, "old bytes");
  remove_tree (dir);
}

/* KILL cannot be caught: the temporary stays until the next write in the
 * folder, which removes it since its writer is dead. Without the handler,
 * TERM does the same. */
static void
test_kill_cleanup (void)
{
  static const struct { int signum; gboolean cleanup; } cases[] = {
    { SIGKILL, TRUE }, { SIGTERM, FALSE },
  };
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *left = NULL;
      g_autofree char *listing = NULL;
      g_autoptr(GError) error = NULL;
      char c;
      int ready;
      pid_t pid;

      g_assert_true (g_file_set_contents (path, "old bytes", -1, NULL));
      pid = start_writer (path, cases[i].cleanup, &ready);

      g_assert_cmpint (read (ready, &c, 1), ==, 1);
      close (ready);
      g_assert_cmpint (kill (pid, cases[i].signum), ==, 0);
      assert_killed_by (pid, cases[i].signum);

      left = g_strdup_printf (".heistline-%d-", (int) pid);
      listing = hl_test_list_dir (dir);
      g_assert_true (g_str_has_prefix (listing, left));
      assert_contents (path, "old bytes");
      g_assert_true (export (path, &error));
      g_assert_no_error (error);
      HL_TEST_ASSERT_DIR (dir, "chart.png");
      assert_png (path);
    }
  remove_tree (dir);
}

/* A write given up leaves the old file and no temporary; one committed
 * replaces it. */
static void
test_abort_and_commit (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  HlAtomicFile *file;

  g_assert_true (g_file_set_contents (path, "old bytes", -1, NULL));
  file = hl_atomic_file_open (path, HL_ATOMIC_FILE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hl_atomic_file_get_path (file), ==, path);
  g_assert_cmpstr (hl_atomic_file_get_target (file), ==, path);
  g_assert_true (hl_atomic_file_write (file, "new", 3, &error));
  hl_atomic_file_free (file);
  assert_contents (path, "old bytes");
  HL_TEST_ASSERT_DIR (dir, "notes.txt");

  g_assert_true (hl_atomic_file_replace_contents (path, "new bytes", 9,
                                                  HL_ATOMIC_FILE_FLAGS_NONE, &error));
  g_assert_no_error (error);
  assert_contents (path, "new bytes");
  HL_TEST_ASSERT_DIR (dir, "notes.txt");
  remove_tree (dir);
}

/* A cancelled export commits nothing: the old chart stays, no temporary
 * is left, and the error says it was cancelled (the export dialog's
 * Cancel, from another thread, works the same way while it writes). */
static void
test_export_cancelled (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  HlView view;

  g_assert_true (g_file_set_contents (path, "old bytes", -1, NULL));
  hl_view_init (&view, hl_test_bundled ());
  g_cancellable_cancel (cancellable);
  g_assert_false (hl_export_to_file_full (hl_test_bundled (), &view, HL_EXPORT_PNG, 1920, 1080,
                                          1, path, HL_ATOMIC_FILE_FLAGS_NONE, cancellable,
                                          &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  hl_view_clear (&view);
  assert_contents (path, "old bytes");
  HL_TEST_ASSERT_DIR (dir, "chart.png");
  remove_tree (dir);
}

/* Writes in progress side by side, in one folder: opening the second
 * (which tidies the folder) leaves the first's temporary alone, since this
 * process is alive. Then the same from threads, as the app's exports will
 * run: every file whole, with the umask's mode. */
#define N_THREADS 4
#define WRITES_PER_THREAD 25

static gpointer
write_files (gpointer data)
{
  const char *dir = data;

  for (int i = 0; i < WRITES_PER_THREAD; i++)
    {
      g_autofree char *name = g_strdup_printf ("%p-%d.txt", (void *) g_thread_self (), i % 3);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;

      if (!hl_atomic_file_replace_contents (path, name, strlen (name),
                                            HL_ATOMIC_FILE_FLAGS_NONE, &error))
        return g_strdup (error->message);
    }
  return NULL;
}

static void
test_concurrent_writes (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *a = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *b = g_build_filename (dir, "b.txt", NULL);
  g_autoptr(HlAtomicFile) first = NULL;
  g_autoptr(HlAtomicFile) second = NULL;
  g_autoptr(GError) error = NULL;
  GThread *threads[N_THREADS];
  mode_t mask = umask (0);

  umask (mask);
  first = hl_atomic_file_open (a, HL_ATOMIC_FILE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (hl_atomic_file_write (first, "first", 5, &error));
  second = hl_atomic_file_open (b, HL_ATOMIC_FILE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (hl_atomic_file_write (second, "second", 6, &error));
  g_assert_true (hl_atomic_file_commit (first, &error));
  g_assert_no_error (error);
  g_assert_true (hl_atomic_file_commit (second, &error));
  g_assert_no_error (error);
  assert_contents (a, "first");
  assert_contents (b, "second");
  HL_TEST_ASSERT_DIR (dir, "a.txt b.txt");
  g_unlink (a);
  g_unlink (b);

  for (int i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("writer", write_files, dir);
  for (int i = 0; i < N_THREADS; i++)
    {
      g_autofree char *failure = g_thread_join (threads[i]);

      g_assert_null (failure);
    }

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_assert_false (g_str_has_prefix (name, "."));
        assert_contents (path, name);
        g_assert_cmpuint (mode_of (path), ==, 0666 & ~mask);
        n++;
      }
    g_assert_cmpuint (n, ==, N_THREADS * 3);
  }
  remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* 6. A full disk: the error travels as a GError, and libpng says nothing
 * on stderr. The file size limit stands in for the full disk (EFBIG where
 * a disk gives ENOSPC, through the same write). */

static void
test_png_write_error (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = hl_test_make_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
      struct rlimit limit = { 16 * 1024, 16 * 1024 };
      g_autoptr(GError) error = NULL;
      HlView view;

      g_assert_true (g_file_set_contents (path, "old bytes", -1, NULL));
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      hl_view_init (&view, hl_test_bundled ());
      g_assert_false (hl_export_to_file (hl_test_bundled (), &view, HL_EXPORT_PNG, 1920, 1080, 1, path,
                                         &error));
      hl_view_clear (&view);
      g_assert_error (error, G_FILE_ERROR, (int) g_file_error_from_errno (EFBIG));
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
      assert_contents (path, "old bytes");
      HL_TEST_ASSERT_DIR (dir, "chart.png");
      remove_tree (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  /* not an exact "": LeakSanitizer prints its summary there */
  g_test_trap_assert_stderr_unmatched ("*libpng*");
}

/* ------------------------------------------------------------------ */
/* 7. A PNG too large in all is refused at once, naming the limit */

static void
test_pixel_cap (void)
{
  static const struct { int width, height, scale; } sizes[] = {
    { 10922, 10922, 3 },                      /* 1074 megapixels, each side allowed */
    { HL_EXPORT_MAX_PIXELS, 3907, 1 },        /* 128.02 megapixels */
  };
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "huge.png", NULL);
  g_autofree char *limit = g_strdup_printf ("at most %d megapixels", HL_EXPORT_MAX_MEGAPIXELS);

  g_assert_cmpint (HL_EXPORT_MAX_MEGAPIXELS, ==, 128);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      HlView view;

      hl_view_init (&view, hl_test_bundled ());
      g_assert_false (hl_export_to_file (hl_test_bundled (), &view, HL_EXPORT_PNG, sizes[i].width,
                                         sizes[i].height, sizes[i].scale, path, &error));
      hl_view_clear (&view);
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, limit));
      /* refused before drawing: the old code took 15 s here */
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
      HL_TEST_ASSERT_DIR (dir, "");
    }

  /* vector formats have no pixels to count */
  {
    g_autofree char *svg = g_build_filename (dir, "huge.svg", NULL);
    g_autoptr(GError) error = NULL;
    HlView view;

    hl_view_init (&view, hl_test_bundled ());
    g_assert_true (hl_export_to_file (hl_test_bundled (), &view, HL_EXPORT_SVG, 10922, 10922, 3, svg,
                                      &error));
    g_assert_no_error (error);
    hl_view_clear (&view);
    HL_TEST_ASSERT_DIR (dir, "huge.svg");
  }
  remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/atomic-file/symlink", test_symlink);
  g_test_add_func ("/atomic-file/export-cancelled", test_export_cancelled);
  g_test_add_func ("/atomic-file/symlink-chain", test_symlink_chain);
  g_test_add_func ("/atomic-file/symlink-loop", test_symlink_loop);
  g_test_add_func ("/atomic-file/symlink-dangling", test_symlink_dangling);
  g_test_add_func ("/atomic-file/symlink-shared-folder", test_symlink_shared_folder);
  g_test_add_func ("/atomic-file/mode-kept", test_mode_kept);
  g_test_add_func ("/atomic-file/mode-new-file", test_mode_new_file);
  g_test_add_func ("/atomic-file/read-only", test_read_only);
  g_test_add_func ("/atomic-file/read-only-user", test_read_only_user);
  g_test_add_func ("/atomic-file/not-regular", test_not_regular);
  g_test_add_func ("/atomic-file/long-name", test_long_name);
  g_test_add_func ("/atomic-file/stale-temps", test_stale_temps);
  g_test_add_func ("/atomic-file/signal-cleanup", test_signal_cleanup);
  g_test_add_func ("/atomic-file/export-terminated", test_export_terminated);
  g_test_add_func ("/atomic-file/kill-cleanup", test_kill_cleanup);
  g_test_add_func ("/atomic-file/abort-and-commit", test_abort_and_commit);
  g_test_add_func ("/atomic-file/concurrent-writes", test_concurrent_writes);
  g_test_add_func ("/atomic-file/png-write-error", test_png_write_error);
  g_test_add_func ("/atomic-file/pixel-cap", test_pixel_cap);

  return g_test_run ();
}
