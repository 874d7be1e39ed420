import HtmlWebpackPlugin from 'html-webpack-plugin'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import type { Compiler, Module } from 'webpack'

/**
 * Emits `.br` and `.gz` next to every text asset of the H5 build, so the
 * platform can send compressed files without compressing on each request
 * (@fastify/static `preCompressed: true`). Small files are left alone.
 */
export class PrecompressPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('PrecompressPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'PrecompressPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, (assets) => {
        for (const [name, source] of Object.entries(assets)) {
          if (!/\.(js|css|html|svg|json)$/.test(name)) continue
          const raw = source.buffer()
          if (raw.length < 1024) continue
          const br = brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } })
          compilation.emitAsset(`${name}.br`, new sources.RawSource(br))
          compilation.emitAsset(`${name}.gz`, new sources.RawSource(gzipSync(raw, { level: 9 })))
        }
      })
    })
  }
}

function resourceOf(module: Module): string[] {
  const nested = (module as Module & { modules?: Module[] }).modules
  if (nested) return nested.flatMap(resourceOf)
  const resource = (module as Module & { resource?: string }).resource
  return resource ? [resource] : []
}

/**
 * Taro loads every H5 page as a lazy chunk, after the app's own scripts ran.
 * This adds <link rel="preload"> for the entry page's chunk (JS and CSS) to
 * index.html, so the first page downloads alongside the app instead of after it.
 */
export class PreloadEntryPagePlugin {
  constructor(private readonly pageModule: RegExp) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap('PreloadEntryPagePlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadEntryPagePlugin', (data) => {
        const publicPath = typeof compilation.outputOptions.publicPath === 'string' ? compilation.outputOptions.publicPath.replace(/auto$/, '') : ''
        const files = new Set<string>()
        for (const chunk of compilation.chunks) {
          if (chunk.canBeInitial()) continue
          const modules = compilation.chunkGraph.getChunkModules(chunk)
          if (!modules.some((m) => resourceOf(m).some((r) => this.pageModule.test(r)))) continue
          for (const file of chunk.files) if (/\.(js|css)$/.test(file)) files.add(file)
        }
        const links = [...files].sort().map((file) => ({
          tagName: 'link',
          voidTag: true,
          meta: { plugin: 'PreloadEntryPagePlugin' },
          attributes: { rel: 'preload', as: file.endsWith('.css') ? 'style' : 'script', href: publicPath + file },
        }))
        data.headTags.unshift(...links)
        return data
      })
    })
  }
}
