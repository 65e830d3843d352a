/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hl-atomic-file.h"
#include "hl-cli.h"
#ifdef HAVE_GTK
# include "hl-application.h"
#endif

/* The installed catalogues, or the build tree's when run uninstalled:
 * `meson devenv` sets HEISTLINE_LOCALEDIR to <builddir>/data/po. */
static const char *
locale_dir (void)
{
  const char *dir = g_getenv ("HEISTLINE_LOCALEDIR");

  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

int
main (int argc, char *argv[])
{
  g_autoptr(HlCli) cli = hl_cli_new ();
  int status = 0;

  /* Before any thread starts: an export interrupted by TERM, INT or HUP
   * removes its temporary file. */
  hl_atomic_file_install_signal_cleanup ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless work is decided before GTK is touched, so it runs with no
   * display at all. */
  if (!hl_cli_parse (cli, &argc, &argv, &status))
    return status;
  if (hl_cli_is_headless (cli))
    return hl_cli_run (cli);

#ifdef HAVE_GTK
  {
    g_autoptr(HlApplication) app = hl_application_new ();

    hl_application_set_added_files (app, hl_cli_get_added_files (cli));
    return hl_application_run_files (app, hl_cli_get_files (cli));
  }
#else
  g_printerr ("heistline: %s\n", _("built without GTK: only --export and --validate work"));
  return HL_EXIT_USAGE;
#endif
}
