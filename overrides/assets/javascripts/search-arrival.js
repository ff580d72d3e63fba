/* Arriving from a search result: the words the search found in the paragraph linked to (h= in the address,
   written by search-worker.js) are marked in that paragraph, or heading, table or figure. */
(function () {
  "use strict"
  const words = new URLSearchParams(location.search).getAll("h").filter(Boolean)
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)))
  if (!words.length || !target) return
  const lowered = words.map(word => word.toLowerCase())
  const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT)
  const texts = []
  while (walker.nextNode()) texts.push(walker.currentNode)
  for (const node of texts) {
    const text = node.data.toLowerCase()
    const found = []
    for (let at = 0; at < text.length;) {
      const next = lowered.map((word, i) => [text.indexOf(word, at), i]).filter(([place]) => place >= 0)
        .sort((a, b) => a[0] - b[0] || words[b[1]].length - words[a[1]].length)[0]
      if (!next) break
      found.push([next[0], next[0] + words[next[1]].length])
      at = next[0] + words[next[1]].length
    }
    for (const [start, end] of found.reverse()) {
      const word = node.splitText(start)
      word.splitText(end - start)
      const mark = document.createElement("mark")
      mark.setAttribute("data-search-match", "")
      word.replaceWith(mark)
      mark.appendChild(word)
    }
  }
})()
