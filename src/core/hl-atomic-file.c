/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Atomic replacement of a file, hardened against what users ran into:
 * - a symbolic link is written through (the file it points to is
 *   replaced, the link stays a link);
 * - the replaced file keeps its permission bits, owner and group; a new
 *   file gets 0666 & ~umask, the umask read once (see get_umask());
 * - a read-only target is refused unless forced, for root too;
 * - the temporary is ".heistline-<pid>-<random>.tmp" whatever the target's
 *   name, so it always fits in NAME_MAX;
 * - TERM, INT and HUP unlink the temporaries being written before the
 *   process dies, and a later write in the same folder removes those a
 *   killed process (KILL, a crash) left: the name carries the writer's PID.
 * GLib and POSIX only. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* O_PATH */
#endif
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "hl-atomic-file.h"

/* ".heistline-4194304-Ab3dE6fG.tmp": at most 11 + 10 + 1 + 8 + 4 bytes. */
#define TEMP_PREFIX       ".heistline-"
#define TEMP_SUFFIX       ".tmp"
#define TEMP_RANDOM_CHARS 8
#define TEMP_NAME_SIZE    64
#define TEMP_ATTEMPTS     100
#define TEMP_MODE         0600 /* private while it is being written */
#define NEW_FILE_MODE     0666 /* before the umask, as open (O_CREAT) does */
/* What a replacement keeps of the old mode: permission and sticky bits,
 * never set-user-ID or set-group-ID on new contents. */
#define KEPT_MODE_BITS    01777
#define WRITE_BITS        0222

G_STATIC_ASSERT (sizeof TEMP_PREFIX - 1 + 10 + 1 + TEMP_RANDOM_CHARS + sizeof TEMP_SUFFIX
                 <= TEMP_NAME_SIZE);
G_STATIC_ASSERT (TEMP_NAME_SIZE <= NAME_MAX);

struct _HlAtomicFile
{
  char        *path;    /* as given: what messages name */
  char        *target;  /* the file replaced, links followed */
  char        *base;    /* the target's name in its folder */
  int          dirfd;   /* the target's folder (O_PATH) */
  int          fd;      /* the temporary, or -1 once closed */
  int          slot;    /* in the signal cleanup table, or -1 */
  gboolean     exists;  /* the target exists: st is its status */
  gboolean     done;    /* committed or aborted */
  struct stat  st;
  char         temp[TEMP_NAME_SIZE];
};

/* ------------------------------------------------------------------ */
/* The umask, without umask()'s race: umask (0) then umask (old) would,
 * for a moment, give files that other threads create mode 0666. Linux
 * (4.7 and later) shows it in /proc/self/status; elsewhere it is read once
 * under a lock, ideally at start-up by
 * hl_atomic_file_install_signal_cleanup() before threads exist. */

static gboolean
read_proc_umask (mode_t *mask)
{
  g_autofree char *status = NULL;
  const char *line;
  guint64 value;
  char *end;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return FALSE;
  line = strstr (status, "\nUmask:");
  if (line == NULL)
    return FALSE;
  value = g_ascii_strtoull (line + strlen ("\nUmask:"), &end, 8);
  if (end == line + strlen ("\nUmask:") || value > 0777)
    return FALSE;
  *mask = (mode_t) value;
  return TRUE;
}

G_LOCK_DEFINE_STATIC (umask_lock);

static mode_t
get_umask (void)
{
  static gsize cached; /* the mask plus one: g_once needs a non-zero value */

  if (g_once_init_enter (&cached))
    {
      mode_t mask;

      if (!read_proc_umask (&mask))
        {
          G_LOCK (umask_lock);
          mask = umask (0);
          umask (mask);
          G_UNLOCK (umask_lock);
        }
      g_once_init_leave (&cached, (gsize) mask + 1);
    }
  return (mode_t) (cached - 1);
}

/* ------------------------------------------------------------------ */
/* Temporaries being written, for the signal handler. Lock-free so that
 * the handler may read it whatever a thread was doing: a slot goes
 * FREE -> FILLING -> ACTIVE -> FREE; the handler moves ACTIVE slots to
 * CLEANING, which nothing leaves, since the process is dying. */

#define CLEANUP_SLOTS 64

enum
{
  SLOT_FREE,
  SLOT_FILLING,
  SLOT_ACTIVE,
  SLOT_CLEANING,
};

typedef struct
{
  int  state;
  int  dirfd;
  char name[TEMP_NAME_SIZE];
} CleanupSlot;

static CleanupSlot cleanup_slots[CLEANUP_SLOTS];
/* The process that installed the handler: a child between fork() and
 * exec() must not unlink its parent's files. */
static volatile sig_atomic_t cleanup_pid;

static const int cleanup_signals[] = { SIGTERM, SIGINT, SIGHUP };

/* A full table only loses the cleanup on a signal: the next write in the
 * folder still removes the file once this process is gone. */
static int
cleanup_register (int dirfd, const char *name)
{
  for (int i = 0; i < CLEANUP_SLOTS; i++)
    {
      CleanupSlot *slot = &cleanup_slots[i];

      if (g_atomic_int_compare_and_exchange (&slot->state, SLOT_FREE, SLOT_FILLING))
        {
          slot->dirfd = dirfd;
          g_strlcpy (slot->name, name, sizeof slot->name);
          g_atomic_int_set (&slot->state, SLOT_ACTIVE);
          return i;
        }
    }
  return -1;
}

/* FALSE if the signal handler holds the slot (and may still use its
 * folder descriptor). */
static gboolean
cleanup_unregister (int i)
{
  if (i < 0)
    return TRUE;
  return g_atomic_int_compare_and_exchange (&cleanup_slots[i].state, SLOT_ACTIVE, SLOT_FREE);
}

/* Async-signal-safe: atomics, getpid(), unlinkat(), sigaction(), raise(). */
static void
on_fatal_signal (int signum)
{
  struct sigaction dfl;

  if (getpid () == cleanup_pid)
    for (int i = 0; i < CLEANUP_SLOTS; i++)
      {
        CleanupSlot *slot = &cleanup_slots[i];

        if (g_atomic_int_compare_and_exchange (&slot->state, SLOT_ACTIVE, SLOT_CLEANING))
          unlinkat (slot->dirfd, slot->name, 0);
      }

  /* Die of the signal, as without the handler: the shell and a parent's
   * waitpid() see "killed by SIGTERM", not an exit status. */
  memset (&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  sigemptyset (&dfl.sa_mask);
  sigaction (signum, &dfl, NULL);
  raise (signum);
}

/**
 * hl_atomic_file_install_signal_cleanup:
 *
 * Makes SIGTERM, SIGINT and SIGHUP unlink the temporaries of writes in
 * progress before the process dies of the signal. Call it once from main(),
 * before any thread starts; later calls do nothing. A signal that is
 * ignored (nohup) or already handled by someone else is left alone. It
 * also reads the umask, while no other thread can create files.
 */
void
hl_atomic_file_install_signal_cleanup (void)
{
  static gsize installed;

  if (!g_once_init_enter (&installed))
    return;

  (void) get_umask ();
  cleanup_pid = getpid ();
  for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
    {
      struct sigaction old, sa;

      if (sigaction (cleanup_signals[i], NULL, &old) != 0 ||
          (old.sa_flags & SA_SIGINFO) != 0 || old.sa_handler != SIG_DFL)
        continue;
      memset (&sa, 0, sizeof sa);
      sa.sa_handler = on_fatal_signal;
      sigemptyset (&sa.sa_mask);
      for (guint j = 0; j < G_N_ELEMENTS (cleanup_signals); j++)
        sigaddset (&sa.sa_mask, cleanup_signals[j]);
      sigaction (cleanup_signals[i], &sa, NULL);
    }
  g_once_init_leave (&installed, 1);
}

/* ------------------------------------------------------------------ */
/* Messages: the path the person gave, and where a link led. */

static char *
describe (const char *path, const char *target)
{
  if (target == NULL || g_str_equal (path, target))
    return g_strdup_printf ("“%s”", path);
  /* TRANSLATORS: a file name, then the file a symbolic link points to */
  return g_strdup_printf (_("“%s” (a link to “%s”)"), path, target);
}

static void
set_errno_error (GError **error, const char *path, const char *target, int errsv)
{
  g_autofree char *file = describe (path, target);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
               /* TRANSLATORS: a quoted file name, then why */
               _("Cannot write %s: %s"), file, g_strerror (errsv));
}

/* ------------------------------------------------------------------ */
/* Opening */

/* Linux's fs.protected_symlinks rule, which readlink() does not apply: a
 * link in a sticky world-writable folder (/tmp) is followed only if this
 * user or the folder's owner made it. Otherwise anyone could point
 * /tmp/chart.png at another user's file and have it replaced. */
static gboolean
link_is_trusted (const char *link, const struct stat *link_st)
{
  g_autofree char *dir = g_path_get_dirname (link);
  struct stat dir_st;

  if (stat (dir, &dir_st) != 0)
    return FALSE;
  if ((dir_st.st_mode & (S_ISVTX | S_IWOTH)) != (S_ISVTX | S_IWOTH))
    return TRUE;
  return link_st->st_uid == geteuid () || link_st->st_uid == dir_st.st_uid;
}

/* The file that @path names once its symbolic links are followed (at most
 * HL_ATOMIC_FILE_MAX_LINKS), with its status in @st if it exists. A
 * dangling link leads to the missing file, which the write then creates,
 * as `echo > link` does. */
static char *
resolve_links (const char *path, struct stat *st, gboolean *exists, GError **error)
{
  g_autofree char *current = g_strdup (path);

  for (int depth = 0;; depth++)
    {
      char link[PATH_MAX];
      ssize_t n;

      if (lstat (current, st) != 0)
        {
          if (errno != ENOENT)
            {
              set_errno_error (error, path, current, errno);
              return NULL;
            }
          *exists = FALSE;
          return g_steal_pointer (&current);
        }
      if (!S_ISLNK (st->st_mode))
        {
          *exists = TRUE;
          return g_steal_pointer (&current);
        }
      if (depth == HL_ATOMIC_FILE_MAX_LINKS)
        {
          set_errno_error (error, path, NULL, ELOOP);
          return NULL;
        }
      if (!link_is_trusted (current, st))
        {
          g_autofree char *name = describe (path, current);

          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES,
                       _("Cannot write %s: it is a link that another user made in a shared "
                         "folder"), name);
          return NULL;
        }
      n = readlink (current, link, sizeof link);
      if (n < 0 || (gsize) n >= sizeof link)
        {
          set_errno_error (error, path, current, n < 0 ? errno : ENAMETOOLONG);
          return NULL;
        }
      link[n] = '\0';
      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_strdup (link);
        }
      else
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, link, NULL);
        }
    }
}

/* access (W_OK) with the effective IDs, and for root, which may write
 * anything, the mode's write bits: a 0444 file is read-only for root too. */
static gboolean
check_writable (HlAtomicFile *file, HlAtomicFileFlags flags, GError **error)
{
  g_autofree char *name = describe (file->path, file->target);
  int errsv = 0;

  if (!file->exists)
    return TRUE;
  if (!S_ISREG (file->st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, S_ISDIR (file->st.st_mode) ? G_FILE_ERROR_ISDIR
                                                                     : G_FILE_ERROR_INVAL,
                   S_ISDIR (file->st.st_mode) ? _("Cannot write %s: it is a folder")
                                              : _("Cannot write %s: it is not a regular file"),
                   name);
      return FALSE;
    }
  if ((flags & HL_ATOMIC_FILE_FLAGS_FORCE) != 0)
    return TRUE;

  if (geteuid () == 0)
    errsv = (file->st.st_mode & WRITE_BITS) != 0 ? 0 : EACCES;
  else if (faccessat (AT_FDCWD, file->target, W_OK, AT_EACCESS) != 0)
    errsv = errno;

  if (errsv == EACCES)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES,
                   _("Cannot replace %s: the file is read-only (make it writable first, "
                     "or choose another name)"), name);
      return FALSE;
    }
  if (errsv != 0)
    {
      set_errno_error (error, file->path, file->target, errsv);
      return FALSE;
    }
  return TRUE;
}

/* ".heistline-<pid>-<TEMP_RANDOM_CHARS letters or digits>.tmp" exactly. */
static gboolean
parse_temp_name (const char *name, pid_t *pid)
{
  const char *p = name;
  guint64 value = 0;
  int digits = 0;

  if (!g_str_has_prefix (p, TEMP_PREFIX))
    return FALSE;
  for (p += strlen (TEMP_PREFIX); g_ascii_isdigit (*p); p++, digits++)
    {
      value = value * 10 + (guint64) (*p - '0');
      if (value > G_MAXINT)
        return FALSE;
    }
  if (digits == 0 || value == 0 || *p++ != '-')
    return FALSE;
  for (int i = 0; i < TEMP_RANDOM_CHARS; i++, p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  if (!g_str_equal (p, TEMP_SUFFIX))
    return FALSE;
  *pid = (pid_t) value;
  return TRUE;
}

/* Removes from @dirfd the temporaries that a write of this program left
 * when its process was killed: the name is ours, the PID in it no longer
 * runs (kill() says ESRCH; EPERM means it runs as someone else), and the
 * file is a regular file of this user. Never another program's files,
 * never those of a live process, this one included. A PID since reused
 * keeps its file until that process ends too. */
static void
remove_stale_temps (int dirfd)
{
  int fd = openat (dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  struct dirent *entry;
  DIR *dir;

  if (fd < 0)
    return; /* an unreadable folder: nothing to tidy, not an error */
  dir = fdopendir (fd);
  if (dir == NULL)
    {
      close (fd);
      return;
    }
  while ((entry = readdir (dir)) != NULL)
    {
      struct stat st;
      pid_t pid;

      if (!parse_temp_name (entry->d_name, &pid) || pid == getpid ())
        continue;
      if (kill (pid, 0) == 0 || errno != ESRCH)
        continue;
      if (fstatat (dirfd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
          !S_ISREG (st.st_mode) || st.st_uid != geteuid ())
        continue;
      unlinkat (dirfd, entry->d_name, 0);
    }
  closedir (dir);
}

static gboolean
create_temp (HlAtomicFile *file, GError **error)
{
  static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  for (int attempt = 0; attempt < TEMP_ATTEMPTS; attempt++)
    {
      char random[TEMP_RANDOM_CHARS + 1];

      for (int i = 0; i < TEMP_RANDOM_CHARS; i++)
        random[i] = chars[g_random_int_range (0, sizeof chars - 1)];
      random[TEMP_RANDOM_CHARS] = '\0';
      g_snprintf (file->temp, sizeof file->temp, TEMP_PREFIX "%ld-%s" TEMP_SUFFIX,
                  (long) getpid (), random);

      /* Registered first: a signal between the two leaves nothing. */
      file->slot = cleanup_register (file->dirfd, file->temp);
      file->fd = openat (file->dirfd, file->temp,
                         O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, TEMP_MODE);
      if (file->fd >= 0)
        return TRUE;

      {
        int errsv = errno;

        cleanup_unregister (file->slot);
        file->slot = -1;
        if (errsv != EEXIST)
          {
            file->temp[0] = '\0';
            set_errno_error (error, file->path, file->target, errsv);
            return FALSE;
          }
      }
    }
  file->temp[0] = '\0';
  set_errno_error (error, file->path, file->target, EEXIST);
  return FALSE;
}

/**
 * hl_atomic_file_open:
 * @path: the file to replace or create
 * @flags: %HL_ATOMIC_FILE_FLAGS_FORCE to replace a read-only file
 * @error: where a message naming @path goes
 *
 * Starts replacing @path: follows its symbolic links, refuses a read-only
 * file, a folder or a device, and creates the temporary beside the file
 * the links lead to. Write to it with hl_atomic_file_write() or its file
 * descriptor, then hl_atomic_file_commit(); hl_atomic_file_free() without
 * a commit leaves the old file as it was and no temporary.
 *
 * Returns: (transfer full) (nullable): the write in progress, or %NULL
 */
HlAtomicFile *
hl_atomic_file_open (const char *path, HlAtomicFileFlags flags, GError **error)
{
  g_autoptr(HlAtomicFile) file = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL && path[0] != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_new0 (HlAtomicFile, 1);
  file->path = g_strdup (path);
  file->dirfd = -1;
  file->fd = -1;
  file->slot = -1;

  file->target = resolve_links (path, &file->st, &file->exists, error);
  if (file->target == NULL || !check_writable (file, flags, error))
    return NULL;

  dir = g_path_get_dirname (file->target);
  file->base = g_path_get_basename (file->target);
  file->dirfd = open (dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (file->dirfd < 0)
    {
      set_errno_error (error, file->path, file->target, errno);
      return NULL;
    }

  remove_stale_temps (file->dirfd);
  if (!create_temp (file, error))
    return NULL;
  return g_steal_pointer (&file);
}

/* ------------------------------------------------------------------ */
/* Writing, committing, giving up */

/* The temporary's descriptor, to write to; hl_atomic_file_commit() closes it. */
int
hl_atomic_file_get_fd (HlAtomicFile *file)
{
  g_return_val_if_fail (file != NULL, -1);

  return file->fd;
}

/* The path given to hl_atomic_file_open(). */
const char *
hl_atomic_file_get_path (HlAtomicFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);

  return file->path;
}

/* The file replaced: the path given, or where its links lead. */
const char *
hl_atomic_file_get_target (HlAtomicFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);

  return file->target;
}

gboolean
hl_atomic_file_write (HlAtomicFile *file, const void *data, gsize length, GError **error)
{
  const guint8 *p = data;

  g_return_val_if_fail (file != NULL && file->fd >= 0, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  while (length > 0)
    {
      ssize_t n = write (file->fd, p, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          set_errno_error (error, file->path, file->target, errno);
          return FALSE;
        }
      p += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* The old file's owner and group where this user may give them (root, or
 * a group this user is in); EPERM leaves the file this user's. Then its
 * mode, after fchown(), which clears set-ID bits. */
static int
apply_ownership_and_mode (HlAtomicFile *file)
{
  mode_t mode = NEW_FILE_MODE & ~get_umask ();

  if (file->exists)
    {
      mode = file->st.st_mode & KEPT_MODE_BITS;
      if ((file->st.st_uid != geteuid () || file->st.st_gid != getegid ()) &&
          fchown (file->fd, file->st.st_uid, file->st.st_gid) != 0)
        {
          if (errno != EPERM)
            return errno;
          if (fchown (file->fd, (uid_t) -1, file->st.st_gid) != 0 && errno != EPERM)
            return errno;
        }
    }
  return fchmod (file->fd, mode) == 0 ? 0 : errno;
}

/**
 * hl_atomic_file_commit:
 * @file: a write in progress
 * @error: where a message naming the file goes
 *
 * Flushes the temporary to disk, gives it the old file's mode, owner and
 * group (a new file's mode is 0666 less the umask) and renames it over the
 * target. On failure the temporary is gone and the old file is untouched.
 * Either way @file is finished: free it.
 */
gboolean
hl_atomic_file_commit (HlAtomicFile *file, GError **error)
{
  int errsv;
  int fd;

  g_return_val_if_fail (file != NULL && file->fd >= 0 && !file->done, FALSE);

  errsv = apply_ownership_and_mode (file);
  if (errsv == 0 && fsync (file->fd) != 0)
    errsv = errno;
  fd = g_steal_fd (&file->fd);
  if (close (fd) != 0 && errsv == 0)
    errsv = errno;
  if (errsv == 0 && renameat (file->dirfd, file->temp, file->dirfd, file->base) != 0)
    errsv = errno;

  if (errsv != 0)
    {
      hl_atomic_file_abort (file);
      set_errno_error (error, file->path, file->target, errsv);
      return FALSE;
    }
  cleanup_unregister (file->slot);
  file->slot = -1;
  file->done = TRUE;
  return TRUE;
}

/* Gives up: unlinks the temporary and leaves the target as it was. */
void
hl_atomic_file_abort (HlAtomicFile *file)
{
  g_return_if_fail (file != NULL);

  if (file->done)
    return;
  if (file->fd >= 0)
    close (g_steal_fd (&file->fd));
  if (file->temp[0] != '\0')
    unlinkat (file->dirfd, file->temp, 0);
  if (!cleanup_unregister (file->slot))
    file->dirfd = -1; /* the signal handler may still use it; we are dying */
  file->slot = -1;
  file->done = TRUE;
}

/* Aborts @file unless it was committed, and frees it. */
void
hl_atomic_file_free (HlAtomicFile *file)
{
  if (file == NULL)
    return;
  hl_atomic_file_abort (file);
  if (file->dirfd >= 0)
    close (file->dirfd);
  g_free (file->path);
  g_free (file->target);
  g_free (file->base);
  g_free (file);
}

/**
 * hl_atomic_file_replace_contents:
 * @path: the file to replace or create
 * @data: the new contents
 * @length: their size in bytes
 * @flags: %HL_ATOMIC_FILE_FLAGS_FORCE to replace a read-only file
 * @error: where a message naming @path goes
 *
 * g_file_set_contents() with the rules above: links written through, mode
 * and owner kept, read-only files refused, temporaries cleaned up.
 */
gboolean
hl_atomic_file_replace_contents (const char        *path,
                                 const void        *data,
                                 gsize              length,
                                 HlAtomicFileFlags  flags,
                                 GError           **error)
{
  g_autoptr(HlAtomicFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  file = hl_atomic_file_open (path, flags, error);
  return file != NULL && hl_atomic_file_write (file, data, length, error) &&
         hl_atomic_file_commit (file, error);
}
