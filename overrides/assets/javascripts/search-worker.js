/* The report's search, as a web worker speaking Material's search protocol (SETUP → READY, QUERY → RESULT),
   over the index bilingual_report/search_index.py writes: one entry per heading, paragraph, table and figure.

   The text and the query are read the same way, here: folded (full-width forms, case), then cut into
   numbers, Latin words and runs of Chinese characters.
   - Every part of the query must be in an entry; where no entry holds them all, the entries holding the most
     of them are shown, ranked the same way, and marked as partial (search-partial.js says so). A number matches the same value in any form (2,525 and 2525;
     250.4万, 2504000 and 2,504,000; 17.2 billion and 172亿), or the number as printed before its unit.
     A Latin word matches the same word, plural or not; the last word, while it is being typed, also matches
     as the start of a longer word. A run of Chinese characters matches where the entry holds it whole, or
     else cut into the fewest pieces of two characters or more that the entry holds: never single characters.
   - Ranking: the query as typed, then its parts side by side (only spaces or punctuation between them), then
     in one sentence, then anywhere in the entry; then words as typed rather than by their plural or start,
     the closest parts, the entry that holds them most often, headings, and the order of the report.
   - Results link to the entry's own place, with h= naming the words found there (search-arrival.js marks
     them), grouped under their page as Material shows them; the snippet comes from the entry itself.
   - A report series: the index holds the current edition, and names the others (config.editions), each in a
     file of its own (search/editions/<id>.json under the language's root, config.root from the site's). The
     first query is answered from the current edition; the other editions are fetched after it, one by one, and
     the query answered again with them, the current edition's results first. A part @2019 keeps the results to
     that edition. */
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const MAGNITUDES = { "万": 4, "亿": 8, "万亿": 12, "thousand": 3, "million": 6, "billion": 9, "trillion": 12 }
const TOKEN = /(\d+(?:,\d{3})+(?!\d)|\d+)(\.\d+)?(?:\s?(万亿|亿|万|thousand|million|billion|trillion)(?![a-z]))?|([a-z][a-z0-9]*)|(\p{Script=Han}+)/gu
const SEPARATION = /^[^\p{L}\p{N}]{0,3}$/u
const SENTENCE_END = /[。！？；;!?]|\.(?=\s|$)/gu
const SNIPPET = { before: 40, after: 160 }
const LEADING = /[\s,.;:!?，。；：、！？]/u
const PARTIAL_BELOW_BEST = 0.5  // partial results: those holding at most half a word less of the query than the best
const PARTIAL_MARK = '<span class="search-partial" hidden></span>'
const EDITION_PART = /(?:^|\s)@([A-Za-z0-9][A-Za-z0-9._-]*)(?=\s|$)/g
const SITE_ROOT = new URL("../../", self.location)  // this script is at assets/javascripts/ under the site's root

/* The text folded character by character (its length unchanged, so that places in it are places in the text) */
function fold(text) {
  const whole = text.normalize("NFKC").toLowerCase()
  if (whole.length === text.length) return whole
  let folded = ""
  for (const char of text) {
    const compat = char.normalize("NFKC").toLowerCase()
    folded += compat.length === char.length ? compat : char.toLowerCase().length === char.length ? char.toLowerCase() : char
  }
  return folded
}

/* A number's value as a decimal string, its point moved by the magnitude of its unit */
function decimal(whole, fraction, shift) {
  let digits = whole.replace(/,/g, "") + (fraction ? fraction.slice(1) : "")
  const point = whole.replace(/,/g, "").length + shift
  digits = digits.padEnd(point, "0")
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0"
  const rest = digits.slice(point).replace(/0+$/, "")
  return rest ? `${integer}.${rest}` : integer
}

/* A plural folded to its singular (S-stemmer: policies → policy, centres → centre, patents → patent) */
function singular(word) {
  if (word.length < 4) return word
  if (/[^ae]ies$/.test(word)) return word.slice(0, -3) + "y"
  if (/[^aeo]es$/.test(word)) return word.slice(0, -1)
  if (/[^us]s$/.test(word)) return word.slice(0, -1)
  return word
}

/* The numbers, words and runs of Chinese characters of a folded text, each with its place */
function tokens(folded) {
  const found = []
  for (const m of folded.matchAll(TOKEN)) {
    const [all, whole, fraction, unit, word, han] = m
    const at = { start: m.index, end: m.index + all.length }
    if (whole) {
      const value = decimal(whole, fraction, unit ? MAGNITUDES[unit] : 0)
      found.push({ ...at, number: value, printed: decimal(whole, fraction, 0), unit: Boolean(unit) })
    } else if (word) {
      found.push({ ...at, word, stem: singular(word) })
    } else {
      found.push({ ...at, han })
    }
  }
  return found
}

class Entry {
  constructor(doc, order, rank) {
    Object.assign(this, doc, { order, rank })
    ;[this.page, this.place] = doc.location.split("#")
    this.folded = fold(doc.text)
    this.tokens = tokens(this.folded)
    this.sentences = [...this.folded.matchAll(SENTENCE_END)].map(m => m.index)
  }

  sentence(place) {
    let low = 0, high = this.sentences.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.sentences[middle] < place) low = middle + 1
      else high = middle
    }
    return low
  }

  /* Whether one sentence holds a place of each part */
  oneSentenceHolds(placesPerPart) {
    return placesPerPart.map(places => new Set(places.map(p => this.sentence(p.start))))
      .reduce((a, b) => new Set([...a].filter(s => b.has(s)))).size > 0
  }

  /* Where a part of the query is in this entry: [{start, end, exact}], empty when it is not */
  places(part) {
    if (part.number)
      return this.tokens.filter(t => t.number &&
        (t.number === part.number || (!part.unit && t.unit && t.printed === part.number)))
        .map(t => ({ start: t.start, end: t.end, exact: true }))
    if (part.word)
      return this.tokens.filter(t => t.word &&
        (t.stem === part.stem || (part.typing && t.word.startsWith(part.word))))
        .map(t => ({ start: t.start, end: t.end, exact: t.word === part.word }))
    const places = []
    for (let at = this.folded.indexOf(part.han); at >= 0; at = this.folded.indexOf(part.han, at + 1))
      places.push({ start: at, end: at + part.han.length, exact: true })
    return places
  }

  /* The pieces of two characters or more of a run of Chinese characters that this entry holds, covering as many
     of its characters as they can (the fewest pieces for as many): for a query no entry holds whole */
  covering(han) {
    if (han.length === 1) return this.folded.includes(han) ? [han] : []
    const best = [[0, []]]
    for (let end = 1; end <= han.length; end++) {
      best[end] = best[end - 1]
      for (let start = 0; start <= end - 2; start++) {
        const [covered, pieces] = best[start], piece = han.slice(start, end)
        const better = covered + piece.length > best[end][0] ||
          (covered + piece.length === best[end][0] && pieces.length + 1 < best[end][1].length)
        if (better && this.folded.includes(piece)) best[end] = [covered + piece.length, [...pieces, piece]]
      }
    }
    return best[han.length][1]
  }

  /* A run of Chinese characters cut into the fewest pieces this entry holds (none of one character), or null */
  pieces(han) {
    if (han.length === 1 || this.folded.includes(han)) return [han]
    const best = [[]]
    for (let end = 2; end <= han.length; end++)
      for (let start = 0; start <= end - 2; start++) {
        const before = best[start], piece = han.slice(start, end)
        if (before && (!best[end] || before.length + 1 < best[end].length) && this.folded.includes(piece))
          best[end] = [...before, piece]
      }
    return best[han.length] || null
  }
}

/* The query's parts, in order, with the last word marked while it is being typed, and the query as typed
   (whole words at its ends) */
function parse(query) {
  const folded = fold(query.trim())
  const parts = tokens(folded)
  const last = parts[parts.length - 1]
  if (last && last.word && !/\s$/.test(query)) last.typing = true
  const pattern = folded.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  const asTyped = new RegExp((/^[a-z0-9]/.test(folded) ? "(?<![a-z0-9])" : "") + pattern +
    (/[a-z0-9]$/.test(folded) ? "(?![a-z0-9])" : ""), "u")
  return { asTyped, parts }
}

/* Whether some places, one per part in order, follow each other with only spaces or punctuation between */
function sideBySide(text, placesPerPart) {
  let reachable = placesPerPart[0]
  for (const next of placesPerPart.slice(1)) {
    reachable = next.filter(place => reachable.some(before =>
      before.end <= place.start && SEPARATION.test(text.slice(before.end, place.start))))
    if (!reachable.length) return false
  }
  return true
}

/* The narrowest stretch holding one place of each part: [start, end] */
function closest(placesPerPart) {
  let best = null
  const anchors = placesPerPart.reduce((a, b) => (b.length < a.length ? b : a))
  for (const anchor of anchors) {
    let start = anchor.start, end = anchor.end
    for (const places of placesPerPart) {
      const near = places.reduce((a, b) =>
        Math.abs(b.start - anchor.start) < Math.abs(a.start - anchor.start) ? b : a)
      start = Math.min(start, near.start)
      end = Math.max(end, near.end)
    }
    if (!best || end - start < best[1] - best[0]) best = [start, end]
  }
  return best
}

/* How well an entry answers the query, or null when a part of it is missing */
function match(entry, query) {
  const parts = []
  for (const part of query.parts) {
    if (!part.han) { parts.push(part); continue }
    const pieces = entry.pieces(part.han)
    if (!pieces) return null
    parts.push(...pieces.map(han => ({ han })))
  }
  const placesPerPart = parts.map(part => entry.places(part))
  if (!parts.length || placesPerPart.some(places => !places.length)) return null
  return scored(entry, query, placesPerPart)
}

/* How well an entry answers the parts of the query it holds, with how much of the query that is (a word or a
   number counts one; a run of Chinese characters, the share of its characters held), or null for none */
function partialMatch(entry, query) {
  const placesPerPart = []
  let held = 0
  for (const part of query.parts) {
    if (part.han) {
      const pieces = entry.covering(part.han)
      held += pieces.reduce((sum, piece) => sum + piece.length, 0) / part.han.length
      placesPerPart.push(...pieces.map(han => entry.places({ han })))
    } else {
      const places = entry.places(part)
      if (places.length) { held += 1; placesPerPart.push(places) }
    }
  }
  if (!placesPerPart.length) return null
  return { ...scored(entry, query, placesPerPart), held }
}

function scored(entry, query, placesPerPart) {
  const level = query.asTyped.test(entry.folded) ? 4 : sideBySide(entry.folded, placesPerPart) ? 3
    : entry.oneSentenceHolds(placesPerPart) ? 2 : 1
  const stretch = closest(placesPerPart)
  return {
    entry,
    score: level,
    inexact: placesPerPart.filter(places => !places.some(p => p.exact)).length,
    span: level >= 3 ? 0 : stretch[1] - stretch[0],
    times: Math.min(...placesPerPart.map(places => places.length)),
    stretch,
    places: placesPerPart.flat()
  }
}

function byHeld(a, b) {
  return b.held - a.held || byRank(a, b)
}

function byRank(a, b) {
  return a.entry.rank - b.entry.rank || b.score - a.score || a.inexact - b.inexact || a.span - b.span || b.times - a.times ||
    Boolean(b.entry.heading) - Boolean(a.entry.heading) || a.entry.order - b.entry.order
}

function escape(text) {
  return text.replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c])
}

/* The text from start to end with the places in it marked */
function marked(text, places, start, end) {
  let html = "", at = start
  const inside = places.filter(p => p.start >= start && p.end <= end).sort((a, b) => a.start - b.start)
  for (const place of inside) {
    if (place.start < at) continue
    html += escape(text.slice(at, place.start)) + "<mark>" + escape(text.slice(place.start, place.end)) + "</mark>"
    at = place.end
  }
  return html + escape(text.slice(at, end))
}

/* The entry's text around its best match: from the start of that sentence when it is close, else from a word
   before it, to a word after it */
function snippet(found) {
  const { text, sentences } = found.entry
  const first = found.stretch[0]
  const sentence = sentences.filter(end => end < first).pop()
  let start = sentence !== undefined && first - sentence <= SNIPPET.before ? sentence + 1
    : Math.max(0, first - SNIPPET.before)
  let end = Math.min(text.length, first + SNIPPET.after)
  while (start > 0 && start < first && /\w/.test(text[start - 1])) start++
  while (start < first && LEADING.test(text[start])) start++
  while (end < text.length && /\w/.test(text[end - 1]) && /\w/.test(text[end])) end++
  return (start > 0 ? "…" : "") + marked(text, found.places, start, end) + (end < text.length ? "…" : "")
}

function located(found) {
  const { page, place, text } = found.entry
  const words = [...new Set(found.places.map(p => text.slice(p.start, p.end)))]
  const search = new URLSearchParams(words.map(word => ["h", word]))
  return `${page}?${search}#${place}`
}

class Search {
  constructor(docs) {
    this.pages = new Map()
    this.entries = []
    this.add(docs, 0)
  }

  /* An edition's entries, ranked after those added before them */
  add(docs, rank) {
    const start = this.entries.length + this.pages.size
    docs.forEach((doc, order) => {
      if (doc.location.includes("#")) this.entries.push(new Entry(doc, start + order, rank))
      else this.pages.set(doc.location, doc)
    })
  }

  search(text) {
    const editions = new Set([...text.matchAll(EDITION_PART)].map(m => m[1]))
    const query = parse(text.replace(EDITION_PART, " "))
    if (!query.parts.length) return { items: [] }
    const entries = editions.size ? this.entries.filter(entry => editions.has(entry.edition)) : this.entries
    let found = entries.map(entry => match(entry, query)).filter(Boolean).sort(byRank)
    const partial = !found.length
    if (partial) {
      found = entries.map(entry => partialMatch(entry, query)).filter(Boolean).sort(byHeld)
      found = found.filter(one => one.held >= found[0].held - PARTIAL_BELOW_BEST)
    }
    const groups = new Map()
    for (const one of found) {
      const { page } = one.entry
      if (!groups.has(page)) {
        const { location, title } = this.pages.get(page)
        groups.set(page, [{ location, title: title + (partial ? PARTIAL_MARK : ""), text: "", score: one.score,
          terms: {} }])
      }
      groups.get(page).push({
        location: located(one),
        title: one.entry.heading ? marked(one.entry.text, one.places, 0, one.entry.text.length) : escape(one.entry.title),
        text: one.entry.heading ? "" : snippet(one),
        score: one.score,
        terms: {}
      })
    }
    return { items: [...groups.values()] }
  }
}

let index = null, later = [], root = "", latest = null, loading = null

function answer() {
  postMessage({ type: RESULT, data: index && latest !== null ? index.search(latest) : { items: [] } })
}

/* The other editions' entries, fetched one by one after the first query, the query answered again with them */
async function loadEditions() {
  for (const [rank, edition] of later.entries()) {
    try {
      const response = await fetch(new URL(`${root}search/editions/${edition.id}.json`, SITE_ROOT))
      if (response.ok) index.add((await response.json()).docs, rank + 1)
    } catch (error) { /* that edition stays out of the results */ }
  }
  answer()
}

addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP) {
    const config = message.data.config || {}
    index = new Search(message.data.docs)
    later = config.editions || []
    root = config.root || ""
    postMessage({ type: READY })
  } else if (message.type === QUERY) {
    latest = message.data
    answer()
    /* Material asks with the empty query as soon as the index is set up: only a reader's query fetches the
       other editions, so that loading a page never does */
    if (!loading && later.length && latest.trim()) loading = loadEditions()
  }
})
