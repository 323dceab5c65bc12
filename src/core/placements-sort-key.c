#define G_LOG_DOMAIN "placements-sort-key"

#include "config.h"

#include <string.h>

#include "placements-sort-key.h"

/*
 * Latin letters that are letters of their own, not a base letter with a mark, and
 * so survive taking the marks off: a coordinator types the plain letter for each
 * (g_str_to_ascii() gives "?" for several of them, and "oe" for ø).
 */
static const struct
{
  gunichar    letter;
  const char *typed;
} own_letters[] = {
  { 0x00C6, "ae" }, { 0x00E6, "ae" }, /* Æ æ */
  { 0x00D0, "d" },  { 0x00F0, "d" },  /* Ð ð */
  { 0x00D8, "o" },  { 0x00F8, "o" },  /* Ø ø */
  { 0x00DE, "th" }, { 0x00FE, "th" }, /* Þ þ */
  { 0x00DF, "ss" }, { 0x1E9E, "ss" }, /* ß ẞ */
  { 0x0110, "d" },  { 0x0111, "d" },  /* Đ đ */
  { 0x0126, "h" },  { 0x0127, "h" },  /* Ħ ħ */
  { 0x0131, "i" },                    /* ı, Turkish dotless i; İ loses its dot as a mark */
  { 0x0138, "k" },                    /* ĸ */
  { 0x013F, "l" },  { 0x0140, "l" },  /* Ŀ ŀ */
  { 0x0141, "l" },  { 0x0142, "l" },  /* Ł ł */
  { 0x014A, "n" },  { 0x014B, "n" },  /* Ŋ ŋ */
  { 0x0152, "oe" }, { 0x0153, "oe" }, /* Œ œ */
  { 0x0166, "t" },  { 0x0167, "t" },  /* Ŧ ŧ */
  { 0x017F, "s" },                    /* ſ */
  { 0x0180, "b" },  { 0x0192, "f" },  /* ƀ ƒ */
  { 0x018F, "e" },  { 0x0259, "e" },  /* Ə ə, Azerbaijani */
  { 0x01B5, "z" },  { 0x01B6, "z" },  /* Ƶ ƶ */
  { 0x0237, "j" },                    /* ȷ */
};

static const char *
typed_letter (gunichar c)
{
  for (gsize i = 0; i < G_N_ELEMENTS (own_letters); i++)
    if (own_letters[i].letter == c)
      return own_letters[i].typed;
  return NULL;
}

char *
placements_fold_text (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *folded;

  if (text == NULL)
    return g_strdup ("");

  /* Compatibility decomposition splits a letter from its marks ("ş" into "s" and a
   * cedilla, "İ" into "I" and a dot) and ligatures into letters ("ĳ" into "ij"). */
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  folded = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *typed;

      if (c < 0x80)
        g_string_append_c (folded, g_ascii_tolower ((char) c));
      else if (g_unichar_ismark (c))
        continue;
      else if ((typed = typed_letter (c)) != NULL)
        g_string_append (folded, typed);
      else
        /* Other scripts stay themselves, in lower case: they match as typed. */
        g_string_append_unichar (folded, g_unichar_tolower (c));
    }
  return g_string_free (folded, FALSE);
}

char *
placements_sort_key_for_text (const char *text)
{
  g_autofree char *folded = placements_fold_text (text);

  return g_strdup (g_strstrip (folded));
}

/* Skips the lower-case words in front of a Dutch family name ("van den", "'t"). */
static const char *
skip_prefix (const char *family_name)
{
  const char *rest = family_name;

  while (*rest != '\0' && (g_unichar_islower (g_utf8_get_char (rest)) || *rest == '\''))
    {
      const char *space = strchr (rest, ' ');

      if (space == NULL)
        return family_name;
      rest = space + 1;
      while (*rest == ' ')
        rest++;
    }
  return *rest != '\0' ? rest : family_name;
}

char *
placements_sort_key_for_name (const char *family_name,
                              const char *given_name)
{
  g_autofree char *joined = NULL;

  if (family_name == NULL)
    family_name = "";
  joined = g_strconcat (skip_prefix (family_name), " ", given_name != NULL ? given_name : "",
                        NULL);
  return placements_sort_key_for_text (joined);
}
