// view.cc: the only C++ in wuye, a thin shim over ctemplate with a C API (view.h).
// Every entry point catches every exception: none may unwind into C code.
#include "view.h"

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

using ctemplate::TemplateDictionary;

static bool reload_templates = false;

static TemplateDictionary *dict(view *v) {
    return reinterpret_cast<TemplateDictionary *>(v);
}

namespace {

// A variable's or section's name with the id ctemplate derives from it computed once. A
// name given as a plain string is hashed again on every SetValue and looked up in
// ctemplate's global id-to-name set; one that carries its id skips both
// (TemplateDictionary::AddToIdToNameMap returns at once). That was about a twentieth of all
// CPU on the staff queue's 30 rows.
struct Key : ctemplate::TemplateString {
    Key(const char *s, size_t n) : TemplateString(s, n) {
        CacheGlobalId();
    }
};

// The names seen so far, by content (some are built in stack buffers): open addressing,
// never emptied; the set of names is the templates' variables, a few hundred at most.
struct KeySlot {
    char *name;
    size_t len;
    Key *key;
};
constexpr size_t kKeySlots = 1024;
KeySlot key_slots[kKeySlots];
size_t key_count = 0;

// The kept key of name, or nullptr the first time a name is seen (the caller then passes the
// plain string, which enters it into ctemplate's id-to-name set as before) and once the
// table is three quarters full.
const Key *kept_key(const char *name) {
    size_t len = std::strlen(name);
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ static_cast<unsigned char>(name[i])) * 1099511628211ull;
    for (size_t i = h % kKeySlots;; i = (i + 1) % kKeySlots) {
        KeySlot &slot = key_slots[i];
        if (!slot.name) {
            if (key_count >= kKeySlots / 4 * 3)
                return nullptr;
            char *copy = static_cast<char *>(std::malloc(len + 1));
            if (!copy)
                return nullptr;
            std::memcpy(copy, name, len + 1);
            slot.key = new Key(copy, len);
            slot.name = copy;
            slot.len = len;
            key_count++;
            return nullptr;
        }
        if (slot.len == len && !std::memcmp(slot.name, name, len))
            return slot.key;
    }
}

} // namespace

extern "C" int view_init(const char *root, bool reload) {
    try {
        reload_templates = reload;
        if (!ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(root))
            return -1;
        return 0;
    } catch (...) {
        return -1;
    }
}

extern "C" view *view_new(void) {
    try {
        return reinterpret_cast<view *>(new TemplateDictionary("root"));
    } catch (...) {
        return nullptr;
    }
}

extern "C" void view_set(view *v, const char *key, const char *value) {
    if (!v || !key)
        return;
    try {
        const Key *k = kept_key(key);
        if (k)
            dict(v)->SetValue(*k, value ? value : "");
        else
            dict(v)->SetValue(key, value ? value : "");
    } catch (...) {
    }
}

extern "C" void view_set_int(view *v, const char *key, long long value) {
    char text[32];
    std::snprintf(text, sizeof text, "%lld", value);
    view_set(v, key, text);
}

extern "C" void view_show(view *v, const char *section) {
    if (!v || !section)
        return;
    try {
        const Key *k = kept_key(section);
        if (k)
            dict(v)->ShowSection(*k);
        else
            dict(v)->ShowSection(section);
    } catch (...) {
    }
}

extern "C" view *view_add(view *v, const char *section) {
    if (!v || !section)
        return nullptr;
    try {
        const Key *k = kept_key(section);
        return reinterpret_cast<view *>(k ? dict(v)->AddSectionDictionary(*k)
                                          : dict(v)->AddSectionDictionary(section));
    } catch (...) {
        return nullptr;
    }
}

extern "C" view *view_include(view *v, const char *name, const char *file) {
    if (!v || !name || !file)
        return nullptr;
    try {
        TemplateDictionary *child = dict(v)->AddIncludeDictionary(name);
        child->SetFilename(file);
        return reinterpret_cast<view *>(child);
    } catch (...) {
        return nullptr;
    }
}

extern "C" void view_set_file(view *v, const char *file) {
    if (!v || !file)
        return;
    try {
        dict(v)->SetFilename(file);
    } catch (...) {
    }
}

extern "C" int view_expand(const char *file, view *v, buf *out) {
    if (!file || !v || !out)
        return -1;
    try {
        if (reload_templates)
            ctemplate::mutable_default_template_cache()->ReloadAllIfChanged(
                ctemplate::TemplateCache::IMMEDIATE_RELOAD);
        std::string text;
        if (!ctemplate::ExpandTemplate(file, ctemplate::STRIP_BLANK_LINES, dict(v), &text))
            return -1;
        return buf_append(out, text.data(), text.size());
    } catch (...) {
        return -1;
    }
}

extern "C" void view_free(view *v) {
    try {
        delete dict(v);
    } catch (...) {
    }
}
