/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application: one window per file opened (or the bundled dataset),
 * app-wide actions, and the settings that apply to every window (colour
 * scheme, cumulative line) as stateful actions for the menus.
 *
 * HEISTLINE_QUIT_AFTER_FIRST_FRAME: when set (to anything), the
 * application quits right after the timeline's first painted frame,
 * printing nothing. Benchmarks time `heistline FILE` with it to measure
 * start-up to first frame (load, layout, draw, present). */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-application.h"
#include "hl-dataset.h"
#include "hl-ui-resources.h"
#include "hl-window.h"

struct _HlApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GPtrArray      *added;       /* of GFile: --add, beside the first window's dataset */
};

G_DEFINE_FINAL_TYPE (HlApplication, hl_application, ADW_TYPE_APPLICATION)

static HlWindow *
new_window (HlApplication *self)
{
  HlWindow *window = hl_window_new (GTK_APPLICATION (self));

  if (g_getenv ("HEISTLINE_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect_object (hl_window_get_timeline (window), "first-frame",
                             G_CALLBACK (g_application_quit), self, G_CONNECT_SWAPPED);
  return window;
}

/* The --add files go beside the dataset once it is there: a file given
 * to open is still loading, and adding to no dataset would replace it. */
static void
add_files_now (HlWindow *window, GPtrArray *added)
{
  for (guint i = 0; i < added->len; i++)
    hl_window_add_file (window, g_ptr_array_index (added, i));
}

static void
on_first_dataset (HlSession *session, GParamSpec *pspec, HlWindow *window)
{
  GPtrArray *added = g_object_get_data (G_OBJECT (window), "hl-added-files");

  if (hl_session_get_dataset (session) == NULL)
    return;
  g_signal_handlers_disconnect_by_func (session, on_first_dataset, window);
  add_files_now (window, added);
  g_object_set_data (G_OBJECT (window), "hl-added-files", NULL);
}

static void
add_files_when_shown (HlApplication *self, HlWindow *window)
{
  HlSession *session = hl_window_get_session (window);

  if (self->added == NULL)
    return;
  if (hl_session_get_dataset (session) != NULL)
    add_files_now (window, self->added);
  else
    {
      g_object_set_data_full (G_OBJECT (window), "hl-added-files",
                              g_ptr_array_ref (self->added),
                              (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect_object (session, "notify::dataset", G_CALLBACK (on_first_dataset),
                               window, 0);
    }
  g_clear_pointer (&self->added, g_ptr_array_unref);
}

static void
hl_application_activate (GApplication *app)
{
  HlApplication *self = HL_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      g_autoptr(HlDataset) dataset = hl_dataset_new_bundled ();

      window = GTK_WINDOW (new_window (self));
      hl_window_set_dataset (HL_WINDOW (window), dataset);
      add_files_when_shown (self, HL_WINDOW (window));
    }
  gtk_window_present (window);
}

static void
hl_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  HlApplication *self = HL_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      HlWindow *window = new_window (self);

      hl_window_open_file (window, files[i]);
      if (i == 0)
        add_files_when_shown (self, window);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static gboolean
color_scheme_from_setting (GValue *value, GVariant *variant, gpointer data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  if (g_str_equal (scheme, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (scheme, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);
  return TRUE;
}

static void
action_quit (GSimpleAction *action, GVariant *param, gpointer data)
{
  GApplication *app = data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing the windows lets them store their size before the app ends. */
  while (windows != NULL)
    {
      gtk_window_destroy (windows->data);
      windows = gtk_application_get_windows (GTK_APPLICATION (app));
    }
  g_application_quit (app);
}

static void
action_about (GSimpleAction *action, GVariant *param, gpointer data)
{
  GtkApplication *app = data;
  const char *developers[] = { _("Heistline developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Heistline"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Heistline developers"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/heistline/heistline",
                         "issue-url", "https://github.com/heistline/heistline/issues",
                         "comments", _("North Korean crypto heists and missile launches "
                                       "on one time axis, with their sources."),
                         NULL);
}

static void
action_shortcuts (GSimpleAction *action, GVariant *param, gpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = action_quit },
  { .name = "about", .activate = action_about },
  { .name = "shortcuts", .activate = action_shortcuts },
};

static void
hl_application_startup (GApplication *app)
{
  HlApplication *self = HL_APPLICATION (app);
  g_autoptr(GAction) color_scheme = NULL;
  g_autoptr(GAction) cumulative = NULL;
  const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (hl_application_parent_class)->startup (app);

  g_set_application_name (_("Heistline"));
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);

  self->settings = g_settings_new (APP_ID);
  color_scheme = g_settings_create_action (self->settings, "color-scheme");
  g_action_map_add_action (G_ACTION_MAP (app), color_scheme);
  cumulative = g_settings_create_action (self->settings, "show-cumulative");
  g_action_map_add_action (G_ACTION_MAP (app), cumulative);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET, color_scheme_from_setting, NULL,
                                NULL, NULL);
}

static void
hl_application_dispose (GObject *object)
{
  HlApplication *self = HL_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->added, g_ptr_array_unref);
  G_OBJECT_CLASS (hl_application_parent_class)->dispose (object);
}

static void
hl_application_class_init (HlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = hl_application_dispose;
  app_class->activate = hl_application_activate;
  app_class->open = hl_application_open;
  app_class->startup = hl_application_startup;

  /* The UI resources live in a static library: naming them here keeps the
   * linker from dropping them (their constructor registers them). */
  (void) hl_ui_get_resource ();
}

static void
hl_application_init (HlApplication *self)
{
}

HlApplication *
hl_application_new (void)
{
  return g_object_new (HL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/heistline/Heistline",
                       NULL);
}

/* Shows @added (--add: paths or URIs; NULL for none) beside the dataset of
 * the next window this process opens. Only this process sees them: a
 * running instance is sent the files to open alone. */
void
hl_application_set_added_files (HlApplication *self, char **added)
{
  g_return_if_fail (HL_IS_APPLICATION (self));

  g_clear_pointer (&self->added, g_ptr_array_unref);
  if (added == NULL || added[0] == NULL)
    return;
  self->added = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; added[i] != NULL; i++)
    g_ptr_array_add (self->added, g_file_new_for_commandline_arg (added[i]));
}

/* Runs the application on @files (paths or URIs; NULL or empty for the
 * bundled dataset). The command line has been parsed already. */
int
hl_application_run_files (HlApplication *self, char **files)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (HL_IS_APPLICATION (self), 1);

  g_ptr_array_add (argv, g_strdup (g_get_prgname () ? g_get_prgname () : "heistline"));
  /* As URIs, so that a file named "-x" is not taken for an option. */
  if (files != NULL)
    for (guint i = 0; files[i] != NULL; i++)
      {
        g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);

        g_ptr_array_add (argv, g_file_get_uri (file));
      }
  g_ptr_array_add (argv, NULL);
  return g_application_run (G_APPLICATION (self), (int) argv->len - 1, (char **) argv->pdata);
}
