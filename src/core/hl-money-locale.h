/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Amounts in the words of the user's language where they group digits
 * by ten thousand (Korean 만, 억, 조): the catalogue says which. */
gboolean hl_money_uses_myriads  (void);
char    *hl_money_format_myriad (double   usd,
                                 gboolean short_form);

G_END_DECLS
