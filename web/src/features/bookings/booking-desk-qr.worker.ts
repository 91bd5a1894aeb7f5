import jsQR from 'jsqr'

/**
 * Reads a QR code from one camera frame, off the page's thread so a cheap phone's desk stays
 * responsive, for browsers without BarcodeDetector. Bundled as its own file: jsQR (a CommonJS
 * module) never touches the page's chunks, nor the first screen's.
 */
addEventListener('message', (event: MessageEvent<ImageData>) => {
  const { data, width, height } = event.data
  postMessage(jsQR(data, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null)
})
