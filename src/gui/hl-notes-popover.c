/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The popover that adds or edits a note (issue 11): its text, its day (or
 * a from/to span of days), its colour (GtkColorButton: GtkColorDialog is
 * GTK 4.10), Save and Delete. Every change goes through the session, so
 * it can be undone and is saved. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hl-date.h"
#include "hl-notes-popover.h"

struct _HlNotesPopover
{
  GtkPopover      parent_instance;

  HlSession      *session;
  char           *id;          /* the note edited; NULL: a new one */
  char           *lane;        /* a new one's lane, or NULL: the whole chart */
  gboolean        has_color;

  GtkEntry       *text_entry;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkColorButton *color_button;
  GtkButton      *delete_button;
  GtkLabel       *problem_label;
};

G_DEFINE_FINAL_TYPE (HlNotesPopover, hl_notes_popover, GTK_TYPE_POPOVER)

static void
hl_notes_popover_finalize (GObject *object)
{
  HlNotesPopover *self = HL_NOTES_POPOVER (object);

  g_clear_object (&self->session);
  g_free (self->id);
  g_free (self->lane);
  G_OBJECT_CLASS (hl_notes_popover_parent_class)->finalize (object);
}

static void
hl_notes_popover_class_init (HlNotesPopoverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hl_notes_popover_finalize;
}

static void
on_color_set (HlNotesPopover *self)
{
  self->has_color = TRUE;
}

static GtkEntry *
add_entry (GtkGrid *grid, int row, const char *label, const char *placeholder)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), entry);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, entry, 1, row, 1, 1);
  return GTK_ENTRY (entry);
}

static void
hl_notes_popover_init (HlNotesPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *color_label = gtk_label_new_with_mnemonic (_("_Colour"));

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 8);
  self->text_entry = add_entry (grid, 0, _("_Note"), _("What you found"));
  self->from_entry = add_entry (grid, 1, _("_Date or from"), "YYYY-MM-DD");
  self->to_entry = add_entry (grid, 2, _("_To (a span)"), _("optional"));
  self->color_button = GTK_COLOR_BUTTON (gtk_color_button_new ());
  gtk_label_set_xalign (GTK_LABEL (color_label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (color_label), GTK_WIDGET (self->color_button));
  gtk_grid_attach (grid, color_label, 0, 3, 1, 1);
  gtk_grid_attach (grid, GTK_WIDGET (self->color_button), 1, 3, 1, 1);
  g_signal_connect_swapped (self->color_button, "color-set", G_CALLBACK (on_color_set), self);

  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);

  self->delete_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Delete")));
  gtk_widget_add_css_class (GTK_WIDGET (self->delete_button), "destructive-action");
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_hexpand (save, TRUE);
  gtk_widget_set_halign (save, GTK_ALIGN_END);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (hl_notes_popover_save), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (hl_notes_popover_delete),
                            self);
  g_signal_connect_swapped (self->text_entry, "activate", G_CALLBACK (hl_notes_popover_save),
                            self);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->delete_button));
  gtk_box_append (GTK_BOX (buttons), save);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (grid));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problem_label));
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self), save);
}

GtkWidget *
hl_notes_popover_new (HlSession *session)
{
  HlNotesPopover *self;

  g_return_val_if_fail (HL_IS_SESSION (session), NULL);

  self = g_object_new (HL_TYPE_NOTES_POPOVER, NULL);
  self->session = g_object_ref (session);
  return GTK_WIDGET (self);
}

static void
set_entry_date (GtkEntry *entry, gint64 time)
{
  g_autofree char *text = hl_date_format_iso (time);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/**
 * hl_notes_popover_edit:
 * @note: (nullable): the note to edit, or %NULL for a new one on the day
 *   of @from (a span [@from, @to) if @to > @from)
 */
void
hl_notes_popover_edit (HlNotesPopover *self, const HlAnnotation *note, gint64 from, gint64 to)
{
  GdkRGBA rgba = { 0.2, 0.2, 0.2, 1 };

  g_return_if_fail (HL_IS_NOTES_POPOVER (self));

  g_free (self->id);
  self->id = note != NULL ? g_strdup (note->id) : NULL;
  self->has_color = note != NULL && note->has_color;
  if (self->has_color)
    rgba = (GdkRGBA) { ((note->color >> 16) & 0xff) / 255.0, ((note->color >> 8) & 0xff) / 255.0,
                       (note->color & 0xff) / 255.0, 1 };
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  gtk_editable_set_text (GTK_EDITABLE (self->text_entry), note != NULL ? note->text : "");
  if (note != NULL)
    {
      from = note->from;
      to = note->to;
    }
  set_entry_date (self->from_entry, from);
  if (to > from)
    set_entry_date (self->to_entry, to - HL_SECONDS_PER_DAY);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), note != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
}

/* A new note goes in the band of lane @lane_id (NULL: over the chart). */
void
hl_notes_popover_set_lane (HlNotesPopover *self, const char *lane_id)
{
  g_return_if_fail (HL_IS_NOTES_POPOVER (self));

  g_free (self->lane);
  self->lane = g_strdup (lane_id);
}

const char *
hl_notes_popover_get_id (HlNotesPopover *self)
{
  g_return_val_if_fail (HL_IS_NOTES_POPOVER (self), NULL);
  return self->id;
}

GtkEditable *
hl_notes_popover_get_text_entry (HlNotesPopover *self)
{
  g_return_val_if_fail (HL_IS_NOTES_POPOVER (self), NULL);
  return GTK_EDITABLE (self->text_entry);
}

/* As if the colour had been chosen in the button's dialog. */
void
hl_notes_popover_set_color (HlNotesPopover *self, guint32 rgb)
{
  GdkRGBA rgba = { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                   (rgb & 0xff) / 255.0, 1 };

  g_return_if_fail (HL_IS_NOTES_POPOVER (self));

  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  self->has_color = TRUE;
}

static void
show_problem (HlNotesPopover *self, const char *text)
{
  gtk_label_set_text (self->problem_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
}

static gboolean
read_day (GtkEntry *entry, gint64 *time)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  gboolean date_only = FALSE;

  return hl_date_parse (text, time, &date_only, NULL) && date_only;
}

/* The note as the fields say, or NULL (and a problem shown). */
static HlAnnotation *
build_note (HlNotesPopover *self, const char *id)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->text_entry));
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
  const HlAnnotation *old = self->id != NULL ? hl_session_find_annotation (self->session, self->id)
                                             : NULL;
  HlAnnotation *note;
  gint64 from, to;

  if (*text == '\0' || strlen (text) > HL_NOTES_MAX_TEXT)
    {
      show_problem (self, _("Write what the note says"));
      return NULL;
    }
  if (!read_day (self->from_entry, &from) || (*to_text != '\0' && !read_day (self->to_entry, &to)))
    {
      show_problem (self, _("Dates are days: YYYY-MM-DD"));
      return NULL;
    }
  if (*to_text != '\0' && to < from)
    {
      show_problem (self, _("The span ends before it starts"));
      return NULL;
    }
  note = *to_text != '\0'
         ? hl_annotation_new_range (id, from, hl_date_floor_day (to) + HL_SECONDS_PER_DAY, text)
         : hl_annotation_new_point (id, from, text);
  if (old != NULL)
    note->lanes = g_strdupv (old->lanes);
  else if (self->lane != NULL)
    {
      note->lanes = g_new0 (char *, 2);
      note->lanes[0] = g_strdup (self->lane);
    }
  if (self->has_color)
    {
      GdkRGBA c;

      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &c);
      note->has_color = TRUE;
      note->color = ((guint32) lround (c.red * 255) << 16) |
                    ((guint32) lround (c.green * 255) << 8) | (guint32) lround (c.blue * 255);
    }
  return note;
}

/* Adds or replaces the note; FALSE (the popover stays) if a field is wrong. */
gboolean
hl_notes_popover_save (HlNotesPopover *self)
{
  g_autofree char *id = NULL;
  HlAnnotation *note;

  g_return_val_if_fail (HL_IS_NOTES_POPOVER (self), FALSE);

  if (self->id != NULL)
    id = g_strdup (self->id);
  else if (hl_session_get_notes (self->session) != NULL)
    id = hl_notes_new_id (hl_session_get_notes (self->session));
  else
    id = g_strdup ("note-1");
  if ((note = build_note (self, id)) == NULL)
    return FALSE;
  if (self->id != NULL)
    hl_session_replace_annotation (self->session, self->id, note);
  else
    {
      hl_session_add_annotation (self->session, note);
      self->id = g_strdup (id);
    }
  gtk_popover_popdown (GTK_POPOVER (self));
  return TRUE;
}

void
hl_notes_popover_delete (HlNotesPopover *self)
{
  g_return_if_fail (HL_IS_NOTES_POPOVER (self));

  if (self->id != NULL)
    hl_session_remove_annotation (self->session, self->id);
  g_clear_pointer (&self->id, g_free);
  gtk_popover_popdown (GTK_POPOVER (self));
}
