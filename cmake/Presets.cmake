# distlab_add_presets(TARGET NAME): embeds every lesson's preset (DISTLAB_PRESETS) in TARGET as
# :/presets/<file name>. Resource aliases are source properties of the calling directory, so
# they are set here, where the resources are added.
function(distlab_add_presets target name)
  foreach(preset IN LISTS DISTLAB_PRESETS)
    get_filename_component(file ${preset} NAME)
    set_source_files_properties(${preset} PROPERTIES QT_RESOURCE_ALIAS ${file})
  endforeach()
  qt_add_resources(${target} ${name} PREFIX /presets FILES ${DISTLAB_PRESETS})
endfunction()
